package org.civicspace.ingest.adapter.out.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

import org.civicspace.ingest.domain.fetch.AddressPolicy;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.InetNameResolver;
import io.netty.resolver.InetSocketAddressResolver;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import reactor.core.scheduler.Schedulers;

/**
 * Resolves host names for Netty and refuses them when any address they resolve to is not allowed.
 * The addresses checked here are the very ones Netty connects to, so a name that answers
 * differently on a second lookup (DNS rebinding) gains nothing.
 */
final class CheckingResolverGroup extends AddressResolverGroup<InetSocketAddress> {

    private final HostLookup lookup;
    private final AddressPolicy policy;

    CheckingResolverGroup(HostLookup lookup, AddressPolicy policy) {
        this.lookup = lookup;
        this.policy = policy;
    }

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
        return new InetSocketAddressResolver(executor, new CheckingNameResolver(executor));
    }

    private final class CheckingNameResolver extends InetNameResolver {

        CheckingNameResolver(EventExecutor executor) {
            super(executor);
        }

        @Override
        protected void doResolve(String host, Promise<InetAddress> promise) {
            Promise<List<InetAddress>> all = executor().newPromise();
            all.addListener(done -> {
                if (done.isSuccess()) {
                    promise.trySuccess(all.getNow().get(0));
                } else {
                    promise.tryFailure(done.cause());
                }
            });
            doResolveAll(host, all);
        }

        @Override
        protected void doResolveAll(String host, Promise<List<InetAddress>> promise) {
            // the JDK's lookup blocks, so it runs off the event loop
            Schedulers.boundedElastic().schedule(() -> {
                try {
                    List<InetAddress> addresses = lookup.lookup(host);
                    if (addresses.isEmpty()) {
                        promise.tryFailure(new UnknownHostException(host));
                        return;
                    }
                    for (InetAddress address : addresses) {
                        // one forbidden answer refuses the name: a mix of public and private answers is a rebinding trick
                        Optional<String> refusal = policy.refusal(host, address);
                        if (refusal.isPresent()) {
                            promise.tryFailure(new AddressRefusedException(refusal.get()));
                            return;
                        }
                    }
                    promise.trySuccess(addresses);
                } catch (UnknownHostException | RuntimeException e) {
                    promise.tryFailure(e);
                }
            });
        }
    }
}
