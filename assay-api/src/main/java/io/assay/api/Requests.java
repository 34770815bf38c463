package io.assay.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bodies clients send. None of them has a stage, an author, a reviewer or a revision: those
 * are set by Assay from who is asking and what the policy allows, and a body naming them is
 * refused as an unknown field.
 */
public final class Requests {
    private Requests() {}

    public record DefineUseCase(String name, Optional<String> owner, String description, String riskTier, String intendedUse,
                                String limitations, Optional<List<String>> consumingApplications,
                                Optional<List<String>> approverRoles, Optional<List<String>> requiredGates,
                                Optional<Boolean> marketingPurpose) {
    }

    /** {@code spec} has the shape of a model spec file (spec_format 1): signature, provenance, metrics. */
    /**
     * A score request: a customer by pseudonymised token, or the features themselves (a customer given too picks the canary
     * side); {@code reasons}: how many the answer carries (default 3, 0 for none, -1 for all).
     */
    public record Score(Optional<String> customer, Optional<JsonNode> features, Optional<Integer> reasons) {
        public Score(Optional<String> customer, Optional<JsonNode> features) {
            this(customer, features, Optional.empty());
        }
    }

    public record RegisterVersion(String artifactSha256, Optional<String> artifactFormat, JsonNode spec, Optional<Integer> reworks) {
    }

    /** {@code passed}: the gate's verdict; left out for the metrics gate, whose verdict Assay computes from the figures. */
    public record AttachEvidence(String gate, Optional<Boolean> passed, Optional<Map<String, Double>> figures, String engine) {
    }

    /** {@code role} may be left out when the reviewer holds exactly one of the roles the use case needs. */
    public record SubmitReview(Optional<String> role, String decision, String comment, String digest,
                               Optional<List<String>> findings) {
    }

    public record RecordTest(String test, Boolean passed, String detail, Optional<List<String>> findings) {
    }

    /** {@code replaces}: the version expected in production now, or "none" (required: see the promote route). */
    public record Promote(Optional<String> replaces) {
    }

    public record Retire(String reason) {
    }

    /**
     * The whole routing of one environment: what is left out is no longer routed.
     * {@code expected_revision}, when given, refuses the change if routing moved on since.
     */
    public record SetRouting(Optional<Integer> champion, Optional<Integer> canary, Optional<Integer> canaryPercent,
                             Optional<List<Integer>> shadows, Optional<Long> expectedRevision) {
    }

    public record AddUser(String name, List<String> roles) {
    }

    public record SetRoles(List<String> roles) {
    }

    /** {@code expires}: the last valid day (UTC); left out, the token does not expire. */
    public record CreateToken(String user, Optional<String> label, Optional<LocalDate> expires) {
    }

    public record VerifyAudit(Optional<CheckpointView> against) {
    }

    /** {@code expires}: the last day the grant is valid, in the bank's time zone. */
    public record GrantAccess(String user, String purpose, List<String> tables, LocalDate expires) {
    }

    /** One SELECT over the snapshots; {@code limit}: at most this many rows (default 50). */
    public record Query(String sql, Optional<Integer> limit) {
    }

    /** A training run: {@code algorithm} xgboost (default) or logistic; {@code parameters} as text, checked by name and range. */
    public record Train(String useCase, String trainsetId, Optional<String> algorithm, Optional<java.util.Map<String, String>> parameters) {
    }

    /** A run's model as a new version; {@code spec} has the shape of a metric spec file (spec_format 1: metrics and gate bounds). */
    public record RegisterRun(String runId, JsonNode spec, Optional<Integer> reworks) {
    }

    /**
     * A model trained elsewhere, already stored as an artifact: its XGBoost JSON is checked in pure Java; {@code signature}
     * ({output, inputs: [{name, type, nullable}]}) names features of {@code trainsetId}, whose out-of-time rows gate it.
     */
    public record RegisterExternal(String artifactSha256, JsonNode signature, String trainsetId, JsonNode spec, Optional<Integer> reworks) {
    }

    /** A training set of one use case over several as-of dates, with a population rule (default: "default"). */
    public record BuildTrainingSet(String useCase, List<LocalDate> asOfs, Optional<String> population) {
    }

    /** A feature build or a materialisation as of one day. */
    public record AsOf(LocalDate asOf, Optional<String> useCase) {
    }
}
