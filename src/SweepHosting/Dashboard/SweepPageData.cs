using System.Text.Json;
using System.Text.Json.Nodes;
using SweepDomain.Evaluation;
using SweepDomain.Results;
using SweepDomain.Sweep;
using SweepHosting.Api;

namespace SweepHosting.Dashboard;

/// <summary>
/// What one sweep's page shows, as the JSON data object the page's script renders. The parts keep the shapes the API
/// and the result files already have, so the page reads the same fields whether they were embedded here or fetched
/// live: <c>status</c> is a <see cref="SweepStatusView"/> (<see cref="ApiJson"/>), <c>report</c> a report file
/// (<see cref="SweepReport.ToJson"/>), each of <c>outcomes</c> a stage outcome blob, <c>request</c> the accepted
/// request. Parts given as text are embedded as they are, number for number (a float <c>1.0</c> stays <c>1.0</c>).
/// </summary>
public sealed record SweepPageData
{
    /// <summary><see cref="SweepPageSources"/>: which surface wrote the page.</summary>
    public required string Source { get; init; }

    /// <summary>When the page was written; the page shows it.</summary>
    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>The sweep's status (live pages and <c>sweep fetch</c>); null for a local run.</summary>
    public SweepStatusView? Status { get; init; }

    /// <summary>The full report as written to the report file or blob, once the sweep has completed.</summary>
    public string? ReportJson { get; init; }

    /// <summary>Finished stages' outcomes (every candidate's figures) when there is no report yet.</summary>
    public IReadOnlyList<string> OutcomeJsons { get; init; } = [];

    /// <summary>The request as the service accepted it: the settings of a sweep that has no report yet.</summary>
    public string? RequestJson { get; init; }

    /// <summary>The sweep's worst-case evaluation count when no status says it (a local run: the dry run's figure).</summary>
    public long? EvaluationsPlannedAtMost { get; init; }

    /// <summary>Result files beside a static page, linked relative to it.</summary>
    public IReadOnlyList<PageFile> Files { get; init; } = [];

    /// <summary>The app's routes a live page reads and links to; null for a static page, which never refreshes.</summary>
    public LiveRoutes? Live { get; init; }

    /// <summary>
    /// Set when a local run was stopped before its end: the report then holds the finished stages only, and this says
    /// so and how to finish the sweep. Left out of the data object when null.
    /// </summary>
    public string? Interrupted { get; init; }

    /// <summary>
    /// The model that scored the sweep, as the report names it, else the status (a sweep still running); the built-in
    /// model when neither does, since it is the one they leave unnamed (the service's status, and reports written
    /// before the evaluator was recorded).
    /// </summary>
    public EvaluatorIdentity Evaluator => EvaluatorOf(ReportJson) ?? Status?.Evaluator ?? EvaluatorIdentity.BuiltIn;

    public static SweepPageData FromReport(string source, SweepReport report, DateTimeOffset generatedAt) => new()
    {
        Source = source,
        GeneratedAt = generatedAt,
        ReportJson = report.ToJson(),
    };

    /// <summary>A stage outcome in the outcome blob's format.</summary>
    public static string OutcomeJson(StageOutcome outcome) => JsonSerializer.Serialize(outcome, SweepReport.JsonOptions);

    /// <summary>The data object: <c>{page: "sweep", source, generatedAt, evaluator, status, report, outcomes, request, plannedAtMost, files, live}</c>, and <c>interrupted</c> when set.</summary>
    public JsonObject ToJson()
    {
        var data = Data();
        if (Interrupted is not null)
        {
            data["interrupted"] = Interrupted;
        }

        return data;
    }

    private JsonObject Data() => new()
    {
        ["page"] = "sweep",
        ["source"] = Source,
        ["generatedAt"] = GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
        ["evaluator"] = new JsonObject { ["name"] = Evaluator.Name, ["version"] = Evaluator.Version },
        ["status"] = Status is null ? null : JsonNode.Parse(ApiJson.Serialize(Status)),
        ["report"] = ReportJson is null ? null : JsonNode.Parse(ReportJson),
        ["outcomes"] = new JsonArray(OutcomeJsons.Select(o => JsonNode.Parse(o)).ToArray()),
        ["request"] = RequestJson is null ? null : JsonNode.Parse(RequestJson),
        ["plannedAtMost"] = EvaluationsPlannedAtMost,
        ["files"] = new JsonArray(Files.Select(f => (JsonNode)new JsonObject { ["name"] = f.Name, ["what"] = f.What }).ToArray()),
        ["live"] = Live is null ? null : new JsonObject
        {
            ["statusUrl"] = Live.StatusUrl,
            ["stageUrl"] = Live.StageUrl,
            ["reportUrl"] = Live.ReportUrl,
            ["listUrl"] = Live.ListUrl,
            ["refreshSeconds"] = Live.RefreshSeconds,
        },
    };

    private static EvaluatorIdentity? EvaluatorOf(string? reportJson)
    {
        if (reportJson is null)
        {
            return null;
        }

        using var report = JsonDocument.Parse(reportJson);
        return report.RootElement.TryGetProperty("evaluator", out var e) && e.ValueKind == JsonValueKind.Object
            ? e.Deserialize<EvaluatorIdentity>(SweepReport.JsonOptions)
            : null;
    }
}

/// <summary>The values of <see cref="SweepPageData.Source"/>.</summary>
public static class SweepPageSources
{
    /// <summary><c>sweep run</c>: a local sweep.</summary>
    public const string Run = "run";

    /// <summary><c>sweep fetch</c>: a sweep of the service, written to disk.</summary>
    public const string Fetch = "fetch";

    /// <summary>Served by the Functions app, refreshing itself while the sweep runs.</summary>
    public const string Live = "live";
}

/// <summary>A file beside a static page: its name (also the relative link) and what it holds.</summary>
public sealed record PageFile(string Name, string What);

/// <summary>
/// The app's routes for one sweep, as paths from the host's root (<c>/api/sweeps/{id}</c>); the page adds the function
/// key it was opened with. <see cref="StageUrl"/> holds <c>{stage}</c> for the 1-based stage number.
/// </summary>
public sealed record LiveRoutes(string StatusUrl, string StageUrl, string ReportUrl, string ListUrl, int RefreshSeconds);
