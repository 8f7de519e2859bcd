package org.mailpath.engine.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.dkim.DkimCheck;
import org.mailpath.engine.dmarc.DmarcCheck;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.ptr.PtrCheck;
import org.mailpath.engine.spf.SpfCheck;
import org.mailpath.testing.fakedns.FakeDns;

/**
 * The checks of our own sending domain give advice that asks something of its owner even where it is only a note
 * (INFO): move from p=none, publish Salesforce's DKIM CNAMEs, give the selectors. "Who must act: nobody" under such
 * advice contradicts it; the owner of our sending domain is our own admin.
 */
class SenderAdviceActorTest {

    @Test
    void aNoteThatAdvisesNamesOurAdminAsTheOneToAct() {
        FakeDns dns = FakeDns.of("""
                example.com. TXT "v=spf1 include:_spf.salesforce.com -all"
                _spf.salesforce.com. TXT "v=spf1 ip4:13.108.0.0/14 -all"
                _dmarc.example.com. TXT "v=DMARC1; p=none; rua=mailto:dmarc@example.com"
                _dmarc.test.example.com. TXT "v=DMARC1; p=quarantine; pct=50; t=y"
                """);
        List<Finding> all = new ArrayList<>();
        all.addAll(dns.run(new SpfCheck(), "example.com", CheckOptions.defaults()));
        all.addAll(dns.run(new DmarcCheck(), "example.com", CheckOptions.defaults()));
        all.addAll(dns.run(new DmarcCheck(), "test.example.com", CheckOptions.defaults()));
        all.addAll(dns.run(new DkimCheck(), "example.com", CheckOptions.defaults()));
        all.addAll(dns.run(new PtrCheck(), "example.com", CheckOptions.defaults()));
        for (String code : List.of("SPF_SALESFORCE", "DMARC_POLICY_NONE", "DMARC_PCT_PARTIAL", "DMARC_TEST_MODE",
                "DKIM_NO_SELECTOR", "PTR_NOT_CHECKED")) {
            List<Finding> found = all.stream().filter(f -> f.code().equals(code)).toList();
            assertFalse(found.isEmpty(), code);
            found.forEach(f -> assertEquals(Actor.SENDER_ADMIN, f.actor(), code));
        }
        // no advice anywhere under "nobody"
        all.stream().filter(f -> !f.remediation().isEmpty())
                .forEach(f -> assertFalse(f.actor() == Actor.NOBODY, f.code() + ": " + f.remediation()));
    }
}
