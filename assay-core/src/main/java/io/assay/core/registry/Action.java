package io.assay.core.registry;

/** What can be done to a model version; {@link LifecyclePolicy#allowedActions} says when. */
public enum Action {
    SUBMIT,
    ATTACH_EVIDENCE,
    APPROVE,
    REJECT,
    RECORD_TEST,
    PROMOTE,
    RETIRE;

    public String auditName() {
        return "version." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
