package org.mailpath.ui.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogFileKindTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            emaillog.csv, true
            EmailLog.CSV, true
            log.csv.gz, true
            logs.ZIP, true
            ' spaced.csv ', true
            .csv, false
            photo.png, false
            log.gz, false
            report.pdf, false
            csv, false
            log.csv.txt, false
            """)
    void decidesFromTheNameAlone(String name, boolean accepted) {
        assertEquals(accepted, LogFileKind.accepts(name));
    }
}
