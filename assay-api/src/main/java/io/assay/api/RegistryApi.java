package io.assay.api;

import java.nio.file.Path;
import java.util.List;

/** Use cases, model files, and versions through their lifecycle: evidence, reviews, tests, promotion, retirement. */
public interface RegistryApi {
    UseCaseView defineUseCase(Requests.DefineUseCase request);

    List<UseCaseView> useCases();

    UseCaseView useCase(String name);

    ArtifactView storeArtifact(Path file, String format);

    VersionView registerVersion(String useCase, Requests.RegisterVersion request);

    List<VersionView> versions(String useCase);

    VersionView version(String useCase, int number);

    /** Every recorded action on a version, refused ones included, oldest first. */
    List<AuditEventView> history(String useCase, int number);

    VersionView submit(String useCase, int number);

    VersionView attachEvidence(String useCase, int number, Requests.AttachEvidence request);

    VersionView review(String useCase, int number, Requests.SubmitReview request);

    VersionView recordTest(String useCase, int number, Requests.RecordTest request);

    VersionView promote(String useCase, int number, Requests.Promote request);

    VersionView retire(String useCase, int number, Requests.Retire request);
}
