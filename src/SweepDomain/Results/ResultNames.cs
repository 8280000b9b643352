namespace SweepDomain.Results;

/// <summary>File names of a sweep's results in the CLI's output folder, in one place (the service's blob names are <c>SweepBlobs</c>).</summary>
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
}
