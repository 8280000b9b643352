namespace SweepDomain.Results;

/// <summary>File and blob names of a sweep's results, in one place.</summary>
public static class ResultNames
{
    /// <summary>CLI output folder: one stability file per stage (the original's name).</summary>
    public static string StageFile(string scenario, string label) => $"{scenario}_sweep_stage_{label}.json";

    /// <summary>The final winner in stability format; usable as the base of the next sweep.</summary>
    public static string FinalFile(string scenario) => $"{scenario}_sweep.json";

    public static string ReportFile(string scenario) => $"{scenario}_sweep_report.json";

    public static string SummaryFile(string scenario) => $"{scenario}_sweep_summary.md";

    /// <summary>The sweep's page: a self-contained HTML document of its progress, stages, evidence and final config.</summary>
    public static string PageFile(string scenario) => $"{scenario}_sweep_report.html";

    /// <summary>Blob holding the request as accepted.</summary>
    public static string RequestBlob(string sweepId) => $"{sweepId}/request.json";

    /// <summary>Blob of stage <paramref name="index"/> (0-based), numbered from 01 so blobs list in stage order.</summary>
    public static string StageBlob(string sweepId, int index, string label) => $"{sweepId}/stages/{index + 1:00}-{label}.json";

    public static string FinalBlob(string sweepId, string scenario) => $"{sweepId}/{FinalFile(scenario)}";

    public static string ReportBlob(string sweepId) => $"{sweepId}/report.json";
}
