package dev.sqlfeed.workflows;

/**
 * The answer to a full sync workflow's {@code state} query. A wire format: add components, never
 * rename or remove them.
 *
 * @param app the config's {@code app_name}
 * @param phase {@code starting}, {@code syncing}, {@code waiting} or {@code done}
 * @param intervalMillis the schedule's interval; 0 for a workflow that runs once
 * @param nextSyncAt when the next scheduled sync is due (workflow time, ISO-8601), or null
 * @param state the state as continue-as-new would carry it: counts, last run, last error
 */
public record FullSyncStatus(
    String app, String phase, long intervalMillis, String nextSyncAt, FullSyncState state) {}
