package org.civicspace.ingest.adapter.out.http;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Optional;

import org.civicspace.ingest.domain.fetch.AddressPolicy;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;

/**
 * The last check before a socket connects: sees the exact address about to be dialled and fails
 * the connect when the policy does not allow it. It also covers what skips the resolver — Reactor
 * Netty hands IP literals such as {@code 127.0.0.2} or {@code [::1]} straight to connect.
 */
final class ConnectGuard extends ChannelOutboundHandlerAdapter {

    private final AddressPolicy policy;
    private final String host;

    /** @param host the host name of the URL, for the policy's allow-list by name and for the reason */
    ConnectGuard(AddressPolicy policy, String host) {
        this.policy = policy;
        this.host = host;
    }

    @Override
    public void connect(ChannelHandlerContext ctx, SocketAddress remote, SocketAddress local, ChannelPromise promise) {
        Optional<String> refusal = refusal(remote);
        if (refusal.isPresent()) {
            promise.setFailure(new AddressRefusedException(refusal.get()));
            return;
        }
        ctx.connect(remote, local, promise);
    }

    private Optional<String> refusal(SocketAddress remote) {
        if (!(remote instanceof InetSocketAddress inet) || inet.isUnresolved()) {
            return Optional.of("the address " + remote + " of " + host + " could not be checked");
        }
        return policy.refusal(host, inet.getAddress());
    }
}
