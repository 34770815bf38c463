package io.assay.api;

import java.util.List;

/** Which versions serve, canary and shadow in each environment. */
public interface RoutingApi {
    /** The routing of every environment, TEST first. */
    List<RoutingView> routing(String useCase);

    RoutingView route(String useCase, String environment, Requests.SetRouting request);
}
