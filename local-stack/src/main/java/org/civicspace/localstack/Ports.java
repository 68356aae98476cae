package org.civicspace.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/** Free ports on loopback, for a stack that must not collide with one already running. */
public final class Ports {

    private Ports() {
    }

    public static int free() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }

    /** The first of {@code count} consecutive free ports. */
    public static int freeRange(int count) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int first = ThreadLocalRandom.current().nextInt(20_000, 50_000);
            if (allFree(first, count)) {
                return first;
            }
        }
        throw new IOException("found no " + count + " consecutive free ports on 127.0.0.1");
    }

    /** Options for a stack on free ports. */
    public static StackOptions onFreePorts(StackOptions options) throws IOException {
        return options.withPorts(free(), freeRange(4), freeRange(2), free());
    }

    private static boolean allFree(int first, int count) {
        for (int port = first; port < first + count; port++) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress("127.0.0.1", port));
            } catch (IOException taken) {
                return false;
            }
        }
        return true;
    }
}
