#!/usr/bin/env python3
"""Writes the SYNTHETIC sample Email Logs in this folder (not real data: .example domains, made-up IDs).

Run from the repository root: python3 assets/samples/generate-samples.py
"""
import csv, datetime, gzip, io, os, zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
HEADER = ["Date", "Internal Message ID", "Mail Event", "Recipient", "Sender", "Remote Host", "Bytes Transferred",
          "User ID", "Message ID Header", "Retry Count", "Seconds in Queue", "Delivery Stage", "Relay Address",
          "Relay Host", "Delivery Status", "TLS_Cipher", "TLS_Verified"]
START = datetime.datetime(2026, 11, 16, 8, 0)
BNC = "user=acme.example__0a1b@x1y2.bnc.salesforce.com"
PLAIN = "support@acme.example"
TLS = "TLSv1.3:TLS_AES_256_GCM_SHA384"

# (recipient, relay host, relay ip, [(event, minutes after start, status, stage, cipher)])
# {{unix}} and {{mid}} survive the first .format(n=...) and are filled per row in rows(): Gmail's OK names the reply's
# own time as Unix seconds, and Microsoft's 2.6.0 names the message's own Message-ID (the chain's Message ID Header)
OK_GMAIL = "250 2.0.0 OK  {{unix}} d9443c01a7336-29{n}si.{n} - gsmtp"
OK_MS = "250 2.6.0 <{{mid}}> [InternalId=1{n}] Queued mail for delivery"
OK_PLAIN = "250 2.0.0 Ok: queued as 4F{n}A"
GREY = "451 4.7.1 <{r}>: Recipient address rejected: Greylisted, please try again later"
msgs = []

def m(rcpt, host, ip, events, sender=BNC):
    msgs.append((rcpt, host, ip, events, sender))

# delivered first time (external D), with an internal hand-off before it on some
for i, (r, h, ip, ok) in enumerate([
        ("alice@contoso.example", "mx1.contoso.example", "192.0.2.10", OK_PLAIN),
        ("bob@contoso.example", "mx1.contoso.example", "192.0.2.10", OK_PLAIN),
        ("carol@gmail.com", "gmail-smtp-in.l.google.com", "198.51.100.27", OK_GMAIL),
        ("dave@gmail.com", "gmail-smtp-in.l.google.com", "198.51.100.27", OK_GMAIL),
        ("erin@fabrikam.example", "fabrikam-example.mail.protection.outlook.com", "203.0.113.5", OK_MS),
        ("frank@fabrikam.example", "fabrikam-example.mail.protection.outlook.com", "203.0.113.5", OK_MS),
        ("grace@northwind.example", "mx.northwind.example", "192.0.2.40", OK_PLAIN),
        ("heidi@adatum.example", "mail.adatum.example", "192.0.2.55", OK_PLAIN),
        ("ivan@tailspin.example", "mx.tailspin.example", "192.0.2.60", OK_PLAIN),
        ("judy@woodgrove.example", "mx.woodgrove.example", "192.0.2.70", OK_PLAIN)]):
    ev = [("R", i * 3, "", "", "")]
    if i % 2 == 0:
        ev.append(("D", i * 3, "250 2.0.0 Ok: queued as internal", "", "None"))
    ev.append(("D", i * 3 + 1, ok.format(n=1000 + i), "", TLS if i != 7 else ":"))
    m(r, h, ip, ev, BNC if i % 3 else PLAIN)

# delivered after retry (greylisting, Microsoft throttling)
m("kim@contoso.example", "mx1.contoso.example", "192.0.2.10",
  [("R", 40, "", "", ""), ("T", 40, GREY.format(r="kim@contoso.example"), "during RCPT TO", ""),
   ("D", 45, OK_PLAIN.format(n=2001), "", TLS)])
m("liam@fabrikam.example", "fabrikam-example.mail.protection.outlook.com", "203.0.113.5",
  [("R", 41, "", "", ""), ("T", 41, "451 4.7.500 Server busy. Please try again later from [198.51.100.200]. (AS77712344)", "after RCPT TO", ""),
   ("T", 46, "451 4.7.500 Server busy. Please try again later from [198.51.100.200]. (AS77712344)", "after RCPT TO", ""),
   ("D", 56, OK_MS.format(n=2002), "", TLS)])

# bounced: one per category
B = [
 ("nobody@contoso.example", "mx1.contoso.example", "550 5.1.1 <nobody@contoso.example>: Recipient address rejected: User unknown in local recipient table", "during RCPT TO"),  # RECIPIENT
 ("ghost@gmail.com", "gmail-smtp-in.l.google.com", "550-5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces. 550 5.1.1 https://support.google.com/mail/?p=NoSuchUser d9443c01a7336-29si - gsmtp", "during RCPT TO"),  # RECIPIENT (gmail)
 ("full@northwind.example", "mx.northwind.example", "552 5.2.2 <full@northwind.example>: Mailbox full", "during RCPT TO"),  # MAILBOX_FULL
 ("jane doe@contoso.example", "mx1.contoso.example", "553 5.1.3 <jane doe@contoso.example>: Bad destination mailbox address syntax", "during RCPT TO"),  # ADDRESS_SYNTAX
 ("sales@fabrikam.example", "fabrikam-example.mail.protection.outlook.com", "550 5.7.509 Access denied, sending domain ACME.EXAMPLE does not pass DMARC verification and has a DMARC policy of reject.", "after DATA"),  # AUTHENTICATION
 ("ops@gmail.com", "gmail-smtp-in.l.google.com", "550-5.7.26 This mail has been blocked because the sender is unauthenticated. 550-5.7.26 Gmail requires all senders to authenticate with either SPF or DKIM. 550 5.7.26 - gsmtp", "after DATA"),  # AUTHENTICATION (gmail multi-line)
 ("buyer@adatum.example", "mail.adatum.example", "550 5.7.1 Service unavailable, Client host [198.51.100.200] blocked using Spamhaus. To request removal from this list see https://www.spamhaus.org/query/ip/198.51.100.200 (AS16012611)", "during RCPT TO"),  # REPUTATION
 ("ceo@fabrikam.example", "fabrikam-example.mail.protection.outlook.com", "550 5.7.606 Access denied, banned sending IP [198.51.100.201]. To request removal from this list please visit https://sender.office.com/ and follow the directions.", "during RCPT TO"),  # REPUTATION (ms)
 ("legal@tailspin.example", "mx.tailspin.example", "554 5.7.0 Message rejected: the content of this message violates our attachment policy", "after DATA"),  # CONTENT_POLICY (X.7.0)
 ("hr@woodgrove.example", "mx.woodgrove.example", "552 5.3.4 Message size exceeds fixed limit", "after DATA"),  # SIZE
 ("team@fabrikam.example", "fabrikam-example.mail.protection.outlook.com", "550 5.7.68 TenantInboundAttribution; Direct Send not allowed for this organization from authorized sources", "after DATA"),  # CONTENT_POLICY (ms)
 ("info@litware.example", "", "554 5.4.4 [internal] Domain Lookup Failed", "while not connected"),  # DNS
 ("help@litware.example", "", "554 5.4.4 [internal] Domain Lookup Failed", "while not connected"),  # DNS
 ("noreply@nullmx.example", "", "550 5.4.4 [internal] NULL MX domain does not accept mail", "while not connected"),  # DNS null MX
 ("admin@wingtip.example", "mx.wingtip.example", "550 5.3.0 Mail server misconfigured, contact postmaster", "after DATA"),  # REMOTE_SERVER
 ("odd@proseware.example", "mx.proseware.example", "550 Request refused", "after DATA"),  # RECIPIENT by basic 550
 ("who@proseware.example", "mx.proseware.example", "Rejected: no reason given", "after DATA"),  # UNKNOWN
]
for i, (r, h, st, stage) in enumerate(B):
    m(r, h, "" if not h else "192.0.2.%d" % (100 + i), [("R", 60 + i, "", "", ""), ("P", 60 + i, st, stage, "")])

# bounced after 24 h of T: category comes from the last T
DNS_T = "421 4.4.0 [internal] no mail servers for this domain could be reached at this time"
m("user@oldcorp.example", "", "", [("R", 100, "", "", "")] +
  [("T", 100 + k, DNS_T, "while not connected", "") for k in (0, 5, 15, 35, 75, 155)] +
  [("P", 100 + 1440, "554 5.4.7 [internal] exceeded max time without delivery", "while not connected", "")])
m("x@tlsbroken.example", "mx.tlsbroken.example", "192.0.2.150", [("R", 110, "", "", "")] +
  [("T", 110 + k, "451 4.7.5 [internal] TLS negotiation failed", "during STARTTLS", "") for k in (0, 5, 15)] +
  [("P", 110 + 1440, "554 5.4.7 [internal] exceeded max retries without delivery", "during STARTTLS", "")])
m("y@slowhost.example", "mx.slowhost.example", "192.0.2.151", [("R", 115, "", "", "")] +
  [("T", 115 + k, "450 4.4.1 [internal] Connection Timed Out", "while not connected", "") for k in (0, 5)] +
  [("P", 115 + 1440, "554 5.4.7 [internal] exceeded max time without delivery", "while not connected", "")])

# deferred (still retrying at the end of the window)
m("z@yahoo.example", "mta5.am0.yahoodns.example", "192.0.2.160",
  [("R", 120, "", "", ""), ("T", 120, "421 4.7.0 [TSS04] Messages from 198.51.100.200 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes", "reading BANNER", ""),
   ("T", 125, "421 4.7.0 [TSS04] Messages from 198.51.100.200 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes", "reading BANNER", "")])
m("a@gone.example", "", "", [("R", 121, "", "", ""), ("T", 121, DNS_T, "while not connected", ""), ("T", 126, DNS_T, "while not connected", "")])
m("b@fullbox.example", "mx.fullbox.example", "192.0.2.161", [("R", 122, "", "", ""), ("T", 122, "452 4.2.2 The email account that you tried to reach is over quota. - gsmtp", "during RCPT TO", "")])
# received only (still queued, or only internal hand-off)
m("c@contoso.example", "", "", [("R", 130, "", "", "")])
m("d@contoso.example", "", "", [("R", 131, "", "", ""), ("D", 131, "250 2.0.0 Ok: queued as internal", "", "None")])
# chain whose R fell before the log window
m("early@fabrikam.example", "fabrikam-example.mail.protection.outlook.com", "203.0.113.5",
  [("D", 0, OK_MS.format(n=3001), "", TLS)])
# CC: same message to two recipients (one chain each)
msgs.append(("cc1@contoso.example", "mx1.contoso.example", "192.0.2.10", [("R", 140, "", "", ""), ("D", 141, OK_PLAIN.format(n=4001), "", TLS)], BNC))
msgs.append(("CC2@Contoso.example", "mx1.contoso.example", "192.0.2.10", [("R", 140, "", "", ""), ("D", 141, OK_PLAIN.format(n=4002), "", TLS)], BNC))

def rows():
    out = []
    for idx, (rcpt, host, ip, events, sender) in enumerate(msgs):
        shared = rcpt.lower().startswith("cc")
        n = 140 if shared else idx
        internal = "16/A4-%05d-%08X" % (20983 + n, 0x88E21E84 + n)
        header = "%d.%d.JavaMail.sfdc@synthetic-sample.example" % (21749386 + n, 106091224027705044 + n)
        retry = 0
        for ev, minute, status, stage, cipher in events:
            t = START + datetime.timedelta(minutes=minute, seconds=7 * (idx % 5))
            unix = int(t.replace(tzinfo=datetime.timezone.utc).timestamp())  # the log's times are GMT
            status = status.replace("{unix}", str(unix)).replace("{mid}", header)
            first = events[0][1]
            secs = int((minute - first) * 60)
            nbytes = 0 if ev in "TP" and stage in ("while not connected", "during RCPT TO", "reading BANNER", "during STARTTLS") else 11856 + 37 * idx
            tls_verified = "Verified" if ev == "D" and cipher not in ("", "None", ":") else ""
            if ev == "D" and cipher == "None":
                relay_host, relay_ip = "mta-internal-2.sfdc.example", "10.0.0.12"
            else:
                relay_host, relay_ip = (host, ip) if ev != "R" else ("", "")
            out.append([t.strftime("%-m/%-d/%Y %-H:%M:%S"), internal, ev, rcpt, sender, "10.0.0.%d" % (1 + idx % 4),
                        str(nbytes), "0055g00000%05dAAA" % (idx % 3), header, str(retry), str(secs), stage,
                        relay_ip, relay_host, status, cipher if ev == "D" else "", tls_verified])
            if ev == "T":
                retry += 1
    out.sort(key=lambda r: datetime.datetime.strptime(r[0], "%m/%d/%Y %H:%M:%S"))
    return out

def write(name, header=HEADER, data=None, delimiter=",", encoding="utf-8", newline="\r\n", cols=None):
    data = rows() if data is None else data
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, quoting=csv.QUOTE_ALL, lineterminator=newline)
    if header:
        w.writerow(header if cols is None else [header[c] for c in cols])
    for r in data:
        w.writerow(r if cols is None else [r[c] for c in cols])
    return buf.getvalue().encode(encoding)

def save(name, content):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(content)

main = write("sample-email-log.csv")
save("sample-email-log.csv", main)
save("synthetic-semicolon.csv", write("", delimiter=";"))
save("synthetic-bom-lf.csv", b"\xef\xbb\xbf" + write("", newline="\n"))
save("synthetic-no-tls-columns.csv", write("", cols=list(range(15))))
save("synthetic-no-header.csv", write("", header=None))
save("synthetic-iso-dates.csv", write("", data=[[datetime.datetime.strptime(r[0], "%m/%d/%Y %H:%M:%S").strftime("%Y-%m-%dT%H:%M:%SZ")] + r[1:] for r in rows()]))
jp = ["日付", "Internal Message ID", "メールイベント", "受信者", "Sender", "Remote Host", "Bytes Transferred",
      "Salesforceユーザ", "Message ID Header", "Retry Count", "Seconds in Queue", "Delivery Stage", "Relay Address",
      "Relay Host", "Delivery Status", "TLS_Cipher", "TLS_Verified"]
save("synthetic-japanese-header-reordered.csv", write("", header=jp, cols=[3, 2, 0, 8, 1, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14, 15, 16]))
save("synthetic-windows-1252.csv", write("", data=[r[:4] + [r[4].replace("support@", "soporte.mañana@")] + r[5:] for r in rows()], encoding="cp1252"))
save("synthetic-lowercase-events.csv", write("", data=[r[:2] + [r[2].lower()] + r[3:] for r in rows()]))
save("synthetic-email-log.csv.gz", gzip.compress(main, mtime=0))
zbuf = io.BytesIO()
with zipfile.ZipFile(zbuf, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr(zipfile.ZipInfo("synthetic-email-log.csv", date_time=(2026, 11, 17, 0, 0, 0)), main)
save("synthetic-email-log.zip", zbuf.getvalue())
bad = rows()
bad.insert(3, ["not a date"] + bad[3][1:])
bad.insert(6, bad[6][:2] + ["X"] + bad[6][3:])
bad.insert(9, bad[9][:3] + [""] + bad[9][4:])
save("synthetic-with-bad-rows.csv", write("", data=bad))
print(len(rows()), "rows,", len(msgs), "messages")
