using System.Text.Json;
using SweepCli.Output;
using SweepDomain.Results;
using SweepHosting.Api;

namespace SweepCli.Remote;

/// <summary>What a fetch wrote, and whether that is the full set a local run writes.</summary>
internal sealed record FetchResult(SweepStatusView Sweep, string Scenario, IReadOnlyList<string> Files, bool Complete);

/// <summary>
/// Downloads a sweep's results into the files a local run writes. When the service offers the full report
/// (<c>GET /api/sweeps/{id}/report</c>), every file is rebuilt from it exactly as a local run writes it: stage files,
/// charts, final, report and summary. Otherwise the stage and final files are written from the status endpoint
/// (scores without seed lists), and the report, summary and charts are missing, which the user is told.
/// </summary>
internal sealed class ResultFetcher(SweepApiClient client, Action<string> warn)
{
    /// <summary>Fetches sweep <paramref name="id"/>; <paramref name="known"/> is a status just read, which saves asking again.</summary>
    public async Task<FetchResult> FetchAsync(string id, OutputFolder folder, string fallbackScenario, CancellationToken cancellationToken, SweepStatusView? known = null)
    {
        var sweep = known ?? await client.GetAsync(id, cancellationToken);
        string? reportJson = sweep.IsCompleted ? await client.GetReportAsync(id, cancellationToken) : null;
        folder.Create();
        return reportJson is not null
            ? FromReport(sweep, SweepReport.FromJson(reportJson), folder)
            : FromStatus(sweep, folder, fallbackScenario);
    }

    private FetchResult FromReport(SweepStatusView sweep, SweepReport report, OutputFolder folder)
    {
        var writer = new SweepResultWriter(folder, report.Scenario);
        var files = new List<string>();
        foreach (var stage in report.Stages)
        {
            files.AddRange(writer.WriteStage(stage, warn));
        }

        files.Add(writer.WriteFinal(report.Stages[^1].Result));
        files.Add(writer.WriteReport(report));
        files.Add(writer.WriteSummary(SummaryMarkdown.Build(report)));
        return new FetchResult(sweep, report.Scenario, files, Complete: true);
    }

    private FetchResult FromStatus(SweepStatusView sweep, OutputFolder folder, string fallbackScenario)
    {
        string scenario = sweep.Scenario
            ?? (sweep.Final is { } final && final.TryGetProperty("scenario", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()! : fallbackScenario);
        var files = new List<string>();
        foreach (var stage in sweep.Stages)
        {
            var entry = new StabilityEntry(stage.Params, stage.CombinedScore, stage.MeanScore, stage.StdScore, stage.PassRate, null, 0.0);
            files.Add(folder.WriteText(ResultNames.StageFile(scenario, stage.Label), StabilityResultFile.Write(scenario, [entry])));
        }

        if (sweep.Final is { } winner)
        {
            files.Add(folder.WriteText(ResultNames.FinalFile(scenario), StabilityResultFile.Write(scenario, StabilityResultFile.Read(winner.GetRawText()))));
        }

        warn(sweep.IsCompleted
            ? "The service did not return the full report (GET /api/sweeps/{id}/report), so the stage and final files were written from its status (scores without seed lists); the report, summary and charts stay in the service's storage."
            : sweep.IsFinished
                ? $"Sweep '{sweep.Id}' ended as {sweep.RuntimeStatus} and will not complete: wrote its {sweep.Stages.Count} finished stages."
                : $"Sweep '{sweep.Id}' is {sweep.RuntimeStatus}: wrote its {sweep.Stages.Count} finished stages. Fetch again when it has completed.");
        return new FetchResult(sweep, scenario, files, Complete: false);
    }
}
