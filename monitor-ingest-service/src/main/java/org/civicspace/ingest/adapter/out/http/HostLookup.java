package org.civicspace.ingest.adapter.out.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Turns a host name into its addresses; may block. Tests stand in a fixed answer, so no lookup leaves the machine. */
@FunctionalInterface
interface HostLookup {

    /** The operating system's resolver (hosts file, DNS, search domains), as the JDK sees it. */
    HostLookup SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    List<InetAddress> lookup(String host) throws UnknownHostException;
}
