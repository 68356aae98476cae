export const probe = "served by the gateway";
