package org.civicspace.ingest.adapter.out.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.civicspace.ingest.domain.fetch.AddressPolicy;
import org.junit.jupiter.api.Test;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ImmediateEventExecutor;

/**
 * The two checks that stand before every connection, exercised without a network: the resolver
 * answers from a stub, and the connect guard sits in an in-memory channel that has no socket.
 */
class AddressCheckTest {

    private final AddressPolicy policy = new AddressPolicy(List.of("127.0.0.1"));
    private final List<String> lookups = new CopyOnWriteArrayList<>();
    private final Map<String, byte[]> zone = Map.of(
            "metadata.test", new byte[] {(byte) 169, (byte) 254, (byte) 169, (byte) 254},
            "intranet.test", new byte[] {10, 0, 0, 1},
            "feeds.test", new byte[] {93, (byte) 184, (byte) 215, 14});
    private final HostLookup stub = host -> {
        lookups.add(host);
        byte[] address = zone.get(host);
        if (address == null) {
            throw new UnknownHostException(host);
        }
        return List.of(InetAddress.getByAddress(host, address));
    };

    @Test
    void theResolverRefusesANameThatPointsAtTheMetadataService() throws Exception {
        Future<InetSocketAddress> resolved = resolve("metadata.test");

        assertThat(resolved.isSuccess()).isFalse();
        assertThat(resolved.cause()).isInstanceOf(AddressRefusedException.class).hasMessage(
                "the address 169.254.169.254 of metadata.test is a cloud metadata address, and those are never allowed");
        assertThat(lookups).containsExactly("metadata.test");
    }

    @Test
    void theResolverRefusesANameThatPointsIntoAPrivateNetwork() throws Exception {
        Future<InetSocketAddress> resolved = resolve("intranet.test");

        assertThat(resolved.cause()).isInstanceOf(AddressRefusedException.class).hasMessage(
                "the address 10.0.0.1 of intranet.test is private, and private addresses are not allowed");
    }

    @Test
    void theResolverHandsOverAPublicAddress() throws Exception {
        Future<InetSocketAddress> resolved = resolve("feeds.test");

        assertThat(resolved.isSuccess()).isTrue();
        assertThat(resolved.getNow().getAddress().getHostAddress()).isEqualTo("93.184.215.14");
    }

    @Test
    void theConnectGuardStopsAConnectToTheMetadataAddressBeforeItReachesTheSocket() throws Exception {
        ConnectRecorder socket = new ConnectRecorder();
        EmbeddedChannel channel = new EmbeddedChannel(socket, new ConnectGuard(policy, "169.254.169.254"));

        ChannelFuture connect = channel.connect(
                new InetSocketAddress(InetAddress.getByAddress(new byte[] {(byte) 169, (byte) 254, (byte) 169, (byte) 254}), 80));

        assertThat(connect.cause()).isInstanceOf(AddressRefusedException.class)
                .hasMessageContaining("169.254.169.254 is a cloud metadata address");
        assertThat(socket.connects).isEmpty();
    }

    @Test
    void theConnectGuardStopsAConnectIntoAPrivateNetwork() throws Exception {
        ConnectRecorder socket = new ConnectRecorder();
        EmbeddedChannel channel = new EmbeddedChannel(socket, new ConnectGuard(policy, "intranet.test"));

        ChannelFuture connect = channel.connect(new InetSocketAddress(InetAddress.getByAddress(new byte[] {10, 0, 0, 1}), 80));

        assertThat(connect.cause()).isInstanceOf(AddressRefusedException.class).hasMessage(
                "the address 10.0.0.1 of intranet.test is private, and private addresses are not allowed");
        assertThat(socket.connects).isEmpty();
    }

    @Test
    void theConnectGuardStopsAnAddressItCannotCheck() {
        ConnectRecorder socket = new ConnectRecorder();
        EmbeddedChannel channel = new EmbeddedChannel(socket, new ConnectGuard(policy, "feeds.test"));

        ChannelFuture connect = channel.connect(InetSocketAddress.createUnresolved("feeds.test", 80));

        assertThat(connect.cause()).isInstanceOf(AddressRefusedException.class).hasMessageContaining("could not be checked");
        assertThat(socket.connects).isEmpty();
    }

    @Test
    void theConnectGuardLetsAnAllowedAddressThrough() throws Exception {
        ConnectRecorder socket = new ConnectRecorder();
        EmbeddedChannel channel = new EmbeddedChannel(socket, new ConnectGuard(policy, "127.0.0.1"));
        InetSocketAddress allowed = new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 80);

        channel.connect(allowed);

        assertThat(socket.connects).containsExactly(allowed);
    }

    private Future<InetSocketAddress> resolve(String host) throws InterruptedException {
        Future<InetSocketAddress> resolved = new CheckingResolverGroup(stub, policy)
                .getResolver(ImmediateEventExecutor.INSTANCE)
                .resolve(InetSocketAddress.createUnresolved(host, 80));
        assertThat(resolved.await(5, TimeUnit.SECONDS)).isTrue();
        return resolved;
    }

    /** Stands where the socket would be: records each connect that gets this far, and connects nothing. */
    private static final class ConnectRecorder extends ChannelOutboundHandlerAdapter {

        final List<SocketAddress> connects = new CopyOnWriteArrayList<>();

        @Override
        public void connect(ChannelHandlerContext ctx, SocketAddress remote, SocketAddress local, ChannelPromise promise) {
            connects.add(remote);
            promise.setSuccess();
        }
    }
}
