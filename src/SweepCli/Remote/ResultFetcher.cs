using System.Text.Json;
using SweepDomain.Results;
using SweepHosting.Api;
using SweepHosting.Dashboard;
using SweepLibrary.Output;

namespace SweepCli.Remote;

/// <summary>What a fetch wrote, and whether that is the full set a local run writes.</summary>
internal sealed record FetchResult(SweepStatusView Sweep, string Scenario, IReadOnlyList<string> Files, bool Complete);

/// <summary>
/// Downloads a sweep's results into the files a local run writes. When the service offers the full report
/// (<c>GET /api/sweeps/{id}/report</c>), every file is rebuilt from it exactly as a local run writes it: stage files,
/// charts, final, report, summary and page. Otherwise the stage and final files are written from the status endpoint
/// (scores without seed lists), and the report, summary and charts are missing, which the user is told; the page is
/// still written, with the status (a failure in words) and every finished stage's candidates the service gives.
/// </summary>
internal sealed class ResultFetcher(SweepApiClient client, Action<string> warn, TimeProvider clock)
{
    /// <summary>Fetches sweep <paramref name="id"/>; <paramref name="known"/> is a status just read, which saves asking again.</summary>
    public async Task<FetchResult> FetchAsync(string id, OutputFolder folder, string fallbackScenario, CancellationToken cancellationToken, SweepStatusView? known = null)
    {
        var sweep = known ?? await client.GetAsync(id, cancellationToken);
        string? reportJson = sweep.IsCompleted ? await client.GetReportAsync(id, cancellationToken) : null;
        folder.Create();
        if (reportJson is not null)
        {
            return FromReport(sweep, reportJson, folder);
        }

        var outcomes = new List<string>();
        foreach (var stage in sweep.Stages)
        {
            if (await client.GetStageAsync(id, stage.Stage, cancellationToken) is { } outcome)
            {
                if (IsOutcome(outcome, stage.Label))
                {
                    outcomes.Add(outcome);
                }
                else
                {
                    warn($"The service's answer for stage {stage.Stage} ({stage.Label}) is not that stage's outcome; the page shows the stage without its candidates.");
                }
            }
        }

        return FromStatus(sweep, folder, fallbackScenario, outcomes);
    }

    /// <summary>True when <paramref name="json"/> is a stage outcome (as the outcome blob holds it) of the stage labelled <paramref name="label"/>.</summary>
    private static bool IsOutcome(string json, string label)
    {
        try
        {
            return JsonSerializer.Deserialize<SweepDomain.Sweep.StageOutcome>(json, SweepReport.JsonOptions) is { Result.Label: var l, Candidates: not null } && l == label;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private FetchResult FromReport(SweepStatusView sweep, string reportJson, OutputFolder folder)
    {
        var report = SweepReport.FromJson(reportJson);
        var writer = new SweepResultWriter(folder, report.Scenario);
        var files = new List<string>();
        foreach (var stage in report.Stages)
        {
            files.AddRange(writer.WriteStage(stage, warn));
        }

        files.Add(writer.WriteFinal(report.Stages[^1].Result));
        files.Add(writer.WriteReport(report));
        files.Add(writer.WriteSummary(SummaryMarkdown.Build(report, folder.Given)));
        var page = new SweepPageData { Source = SweepPageSources.Fetch, GeneratedAt = clock.GetUtcNow(), Status = sweep, ReportJson = reportJson };
        files.Add(writer.WritePage(page, files));
        return new FetchResult(sweep, report.Scenario, files, Complete: true);
    }

    private FetchResult FromStatus(SweepStatusView sweep, OutputFolder folder, string fallbackScenario, IReadOnlyList<string> outcomes)
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

        var page = new SweepPageData { Source = SweepPageSources.Fetch, GeneratedAt = clock.GetUtcNow(), Status = sweep, OutcomeJsons = outcomes };
        files.Add(new SweepResultWriter(folder, scenario).WritePage(page, files));

        warn(sweep.IsCompleted
            ? "The service did not return the full report (GET /api/sweeps/{id}/report), so the stage and final files were written from its status (scores without seed lists); the report, summary and charts stay in the service's storage."
            : sweep.IsFinished
                ? $"Sweep '{sweep.Id}' ended as {sweep.RuntimeStatus} and will not complete: wrote its {sweep.Stages.Count} finished stages."
                : $"Sweep '{sweep.Id}' is {sweep.RuntimeStatus}: wrote its {sweep.Stages.Count} finished stages. Fetch again when it has completed.");
        return new FetchResult(sweep, scenario, files, Complete: false);
    }
}
