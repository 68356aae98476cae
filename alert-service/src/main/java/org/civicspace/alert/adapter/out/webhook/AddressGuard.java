package org.civicspace.alert.adapter.out.webhook;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Optional;

import org.civicspace.alert.domain.delivery.WebhookTargets;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;

/**
 * Sits first in every webhook connection's pipeline and sees the very address about to be
 * dialled — after name resolution, or an IP literal as written — and fails the connect before any
 * packet leaves when {@link WebhookTargets} refuses it.
 */
final class AddressGuard extends ChannelOutboundHandlerAdapter {

    private final WebhookTargets targets;
    private final String host;

    AddressGuard(WebhookTargets targets, String host) {
        this.targets = targets;
        this.host = host;
    }

    @Override
    public void connect(ChannelHandlerContext ctx, SocketAddress remote, SocketAddress local, ChannelPromise promise) {
        Optional<String> refusal = remote instanceof InetSocketAddress inet && !inet.isUnresolved()
                ? targets.refusal(host, inet.getAddress())
                : Optional.of("the address of " + host + " could not be checked");
        if (refusal.isPresent()) {
            promise.setFailure(new RefusedAddress(refusal.get()));
            return;
        }
        ctx.connect(remote, local, promise);
    }

    /** A connection we refuse to open, with the reason in plain words. */
    static final class RefusedAddress extends RuntimeException {

        RefusedAddress(String reason) {
            super(reason, null, false, false);
        }
    }
}
