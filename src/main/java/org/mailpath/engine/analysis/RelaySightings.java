package org.mailpath.engine.analysis;

import java.net.InetAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which of the org's named Email Relay hosts and addresses ({@link RelayHosts}) some row of a log went to (its Relay
 * Host or Relay Address), noted while the rows are read, so that a relay no row went to (most likely mistyped) is
 * known without a walk over every chain's events afterwards. Noted per distinct row text ({@link ChainTextCache}),
 * not per row; one per {@link ChainPart}, merged where the parts are joined. Not thread-safe.
 */
final class RelaySightings {

    private final RelayHosts relay;
    private final Set<String> names = new HashSet<>();
    private final Set<InetAddress> addresses = new HashSet<>();
    /** Whether a given name or address is still unseen: false at once without the relay mode. */
    private boolean looking;

    RelaySightings(RelayHosts relay) {
        this.relay = relay;
        this.looking = !relay.isEmpty();
    }

    /** Whether a row's Relay Host and Address are still worth a look: not every given one was seen yet. */
    boolean looking() {
        return looking;
    }

    /** Notes a row's Relay Host and Relay Address (either may be blank). */
    void note(String relayHost, String relayAddress) {
        if (!looking) {
            return;
        }
        if (!relay.names().isEmpty() && !relayHost.isBlank()) {
            String name = RelayHosts.name(relayHost.strip());
            if (relay.names().contains(name)) {
                names.add(name);
            }
        }
        if (!relay.addresses().isEmpty() && !relayAddress.isBlank()) {
            RelayHosts.address(relayAddress.strip()).filter(relay.addresses()::contains).ifPresent(addresses::add);
        }
        updateLooking();
    }

    /** Adds what {@code other} (a part joined to this one's) saw. */
    void addAll(RelaySightings other) {
        if (looking) {
            names.addAll(other.names);
            addresses.addAll(other.addresses);
            updateLooking();
        }
    }

    private void updateLooking() {
        looking = names.size() < relay.names().size() || addresses.size() < relay.addresses().size();
    }

    /** The given names and addresses ({@link RelayHosts#given}, in order) that no row noted went to. */
    List<String> unseen() {
        return relay.given().stream().filter(g -> relay.names().contains(g) ? !names.contains(g)
                : RelayHosts.address(g).filter(a -> relay.addresses().contains(a) && !addresses.contains(a))
                        .isPresent()).toList();
    }
}
