using SweepDomain.Results;
using SweepDomain.Sweep;
using SweepHosting.Dashboard;

namespace SweepLibrary.Output;

/// <summary>
/// Writes a sweep's files into an <see cref="OutputFolder"/> (names from <see cref="ResultNames"/>): per stage the
/// original's stability JSON and a PNG chart, and at the end the final winner, the report, the Markdown summary and the
/// sweep's page (HTML, the same page the service serves live). A local run and <c>sweep fetch</c> write the same files.
/// </summary>
public sealed class SweepResultWriter(OutputFolder folder, string scenario)
{
    /// <summary>Where the files go.</summary>
    public OutputFolder Folder => folder;

    /// <summary>The file name of a stage's chart.</summary>
    public static string ChartFile(string scenario, string label) => $"{scenario}_sweep_stage_{label}.png";

    /// <summary>The stage's chart of what each parameter does (<see cref="EffectsChart"/>).</summary>
    public static string EffectsChartFile(string scenario, string label) => $"{scenario}_sweep_effects_{label}.png";

    /// <summary>The stage's stability file, then its chart; a chart that cannot be drawn is reported, not fatal.</summary>
    public IReadOnlyList<string> WriteStage(StageOutcome outcome, Action<string> warn)
    {
        var files = new List<string> { WriteStability(ResultNames.StageFile(scenario, outcome.Result.Label), outcome.Result) };
        if (outcome.Candidates.Count == 0)
        {
            return files;
        }

        try
        {
            files.Add(folder.WriteBytes(ChartFile(scenario, outcome.Result.Label), StageChart.RenderPng(scenario, outcome)));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            warn($"Could not draw the chart of stage '{outcome.Result.Label}': {e.Message}");
        }

        if (outcome.Effects is not null)
        {
            try
            {
                files.Add(folder.WriteBytes(EffectsChartFile(scenario, outcome.Result.Label), EffectsChart.RenderPng(scenario, outcome)));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                warn($"Could not draw the parameter chart of stage '{outcome.Result.Label}': {e.Message}");
            }
        }

        return files;
    }

    /// <summary>The final winner (the last stage's result), usable as <c>--base</c> of the next sweep.</summary>
    public string WriteFinal(StageResult last) => WriteStability(ResultNames.FinalFile(scenario), last);

    /// <summary>The report, <c>{scenario}_sweep_report.json</c>.</summary>
    public string WriteReport(SweepReport report) => folder.WriteText(ResultNames.ReportFile(scenario), report.ToJson());

    /// <summary>The summary, <c>{scenario}_sweep_summary.md</c>.</summary>
    public string WriteSummary(string markdown) => folder.WriteText(ResultNames.SummaryFile(scenario), markdown);

    /// <summary>
    /// The sweep's page, last: <paramref name="data"/> with links to <paramref name="files"/> (full paths of files
    /// already written in this folder), each described in words.
    /// </summary>
    public string WritePage(SweepPageData data, IEnumerable<string> files)
    {
        var beside = files
            .Select(Path.GetFileName)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Select(name => new PageFile(name, Describe(name)))
            .ToList();
        return folder.WriteText(ResultNames.PageFile(scenario), SweepPage.Render(data with { Files = beside }));
    }

    /// <summary>What a result file holds, in words, from its name.</summary>
    public string Describe(string fileName)
    {
        string stagePrefix = $"{scenario}_sweep_stage_";
        string effectsPrefix = $"{scenario}_sweep_effects_";
        if (fileName.StartsWith(effectsPrefix, StringComparison.Ordinal) && fileName.EndsWith(".png", StringComparison.Ordinal))
        {
            return $"stage {fileName[effectsPrefix.Length..^4]}: what each parameter does (PNG)";
        }

        if (fileName == ResultNames.FinalFile(scenario))
        {
            return "the final winner, stability format (usable as --base)";
        }

        if (fileName == ResultNames.ReportFile(scenario))
        {
            return "the report: settings, every candidate's seed scores, stage results, timings";
        }

        if (fileName == ResultNames.SummaryFile(scenario))
        {
            return "the one-page summary (Markdown)";
        }

        if (fileName.StartsWith(stagePrefix, StringComparison.Ordinal))
        {
            string rest = fileName[stagePrefix.Length..];
            return rest.EndsWith(".png", StringComparison.Ordinal)
                ? $"stage {rest[..^4]}: chart of every candidate (PNG)"
                : rest.EndsWith(".json", StringComparison.Ordinal) ? $"stage {rest[..^5]} winner, stability format" : "";
        }

        return "";
    }

    private string WriteStability(string fileName, StageResult result) =>
        folder.WriteText(fileName, StabilityResultFile.Write(scenario, [StabilityEntry.FromStage(result)]));
}
