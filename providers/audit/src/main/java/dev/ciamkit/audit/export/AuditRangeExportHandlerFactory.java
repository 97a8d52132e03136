package dev.ciamkit.audit.export;

/**
 * Delivers the export topics {@code ciamkit-audit-range:<sink>} (see {@link AuditExportHandlerFactory}, which does the
 * delivering for both). A topic of its own, so that a node of a version before ranges has no handler for them and
 * leaves them waiting.
 */
public final class AuditRangeExportHandlerFactory extends AuditExportHandlerFactory {

    public static final String ID = "ciamkit-audit-range";

    @Override
    public String getId() {
        return ID;
    }
}
