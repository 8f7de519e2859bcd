package org.mailpath.engine.finding;

/** How bad a finding is. Order matters: worst first. */
public enum Severity {
    ERROR, WARNING, INFO, OK
}
