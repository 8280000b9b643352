using SweepDomain.Results;
using SweepDomain.Sweep;

namespace SweepCli.Output;

/// <summary>
/// Writes a sweep's files into an <see cref="OutputFolder"/> (names from <see cref="ResultNames"/>): per stage the
/// original's stability JSON and a PNG chart, and at the end the final winner, the report and the Markdown summary.
/// A local run and <c>sweep fetch</c> write the same files.
/// </summary>
internal sealed class SweepResultWriter(OutputFolder folder, string scenario)
{
    public OutputFolder Folder => folder;

    public static string ChartFile(string scenario, string label) => $"{scenario}_sweep_stage_{label}.png";

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

        return files;
    }

    /// <summary>The final winner (the last stage's result), usable as <c>--base</c> of the next sweep.</summary>
    public string WriteFinal(StageResult last) => WriteStability(ResultNames.FinalFile(scenario), last);

    public string WriteReport(SweepReport report) => folder.WriteText(ResultNames.ReportFile(scenario), report.ToJson());

    public string WriteSummary(string markdown) => folder.WriteText(ResultNames.SummaryFile(scenario), markdown);

    private string WriteStability(string fileName, StageResult result) =>
        folder.WriteText(fileName, StabilityResultFile.Write(scenario, [StabilityEntry.FromStage(result)]));
}
