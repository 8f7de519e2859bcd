package org.mailpath.engine.common;

import java.net.InetAddress;

/**
 * A network and its prefix length, as the engine's address-range lists write one a row ({@code 192.0.2.0/24}):
 * the one prefix matcher the special-purpose ranges, Salesforce's ranges and the SPF and origin-AS checks share.
 */
public record IpNetwork(InetAddress network, int prefix) {

    /** Whether {@code address} lies in this network. */
    public boolean contains(InetAddress address) {
        return contains(address.getAddress(), network.getAddress(), prefix);
    }

    /**
     * Whether the address {@code a} lies in the network {@code n}/{@code prefix}: false for addresses of two
     * families, or a prefix longer than the address.
     */
    public static boolean contains(byte[] a, byte[] n, int prefix) {
        if (a.length != n.length || prefix < 0 || prefix > a.length * 8) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (a[i] != n[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (a[full] & mask) == (n[full] & mask);
    }

    /**
     * The network a list's {@code network/prefix} cell writes; a cell that is none (no address literal, no prefix,
     * a prefix longer than the address) is an error naming {@code resource} and the cell.
     */
    public static IpNetwork parse(String resource, String cell) {
        String[] net = cell.strip().split("/", 2);
        try {
            InetAddress network = InetAddress.ofLiteral(net[0]);
            int prefix = Integer.parseInt(net[1]);
            if (prefix < 0 || prefix > network.getAddress().length * 8) {
                throw new IllegalArgumentException("prefix out of range");
            }
            return new IpNetwork(network, prefix);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalStateException(resource + ": not a network/prefix: " + cell, e);
        }
    }
}
