using Spectre.Console;
using SweepHosting.Api;
using SweepLibrary.Output;

namespace SweepCli.Remote;

/// <summary>How the remote commands print a sweep's state and what they fetched.</summary>
internal static class RemoteText
{
    public static void Print(SweepStatusView sweep, CliOutput cli)
    {
        var w = cli.Text;
        w.WriteLine($"Sweep {sweep.Id}: {sweep.RuntimeStatus}");
        if (sweep.Progress is { } p && !sweep.IsFinished)
        {
            w.WriteLine($"  {p.Describe()}");
        }

        if (sweep.Stages is { Count: > 0 } stages)
        {
            cli.Console.Spectre(w).Write(Stages(stages, cli.Console.IsTerminal));
        }

        if (sweep.Final is { } final && SweepDomain.Results.StabilityResultFile.Read(final.GetRawText()) is [var winner, ..])
        {
            w.WriteLine($"  Final: {winner.Params}");
        }

        if (sweep.Failure is { } f)
        {
            w.WriteLine($"  Failure: {Describe(f)}");
        }
    }

    /// <summary>
    /// The end of a sweep that did not complete, for standard error: its status, and the failure's type and message
    /// with the root cause when that is another failure.
    /// </summary>
    public static string Ended(SweepStatusView sweep) =>
        $"sweep {sweep.Id} ended as {sweep.RuntimeStatus}" + (sweep.Failure is { } f ? $": {Describe(f)}" : "");

    /// <summary><c>Type: message</c>, then <c>; cause: Type: message</c> of the innermost failure when there is one.</summary>
    public static string Describe(FailureView failure) =>
        $"{failure.Type}: {failure.Message}" + (failure.Root is { } root && !ReferenceEquals(root, failure) ? $"; cause: {root.Type}: {root.Message}" : "");

    /// <summary>One line on a running sweep's progress, for <c>status</c> and <c>submit --wait</c>.</summary>
    public static string Describe(this SweepProgressView p) =>
        $"stage {p.Stage}/{p.StageCount} '{p.StageLabel}' {p.Phase}: {p.EvaluationsExecuted} evaluations run, {p.EvaluationsRequested} requested (at most {p.EvaluationsPlannedAtMost} in the worst case); " +
        $"{p.StagesFinished} stages finished" + (p.BestCombined is { } c ? $"; best so far combined={c:F4} mean={p.BestMean:F4} ({p.BestSeeds} seeds)" : "");

    public static void Fetched(FetchResult result, OutputFolder folder, CliOutput cli)
    {
        if (cli.Json)
        {
            cli.WriteJson(new
            {
                status = result.Sweep.RuntimeStatus,
                id = result.Sweep.Id,
                scenario = result.Scenario,
                complete = result.Complete,
                outputDirectory = folder.FullPath,
                files = result.Files.Select(Path.GetFileName),
                failure = result.Sweep.Failure,
            });
            return;
        }

        var w = cli.Console.Out;
        if (result.Sweep.Stages is { Count: > 0 } stages)
        {
            foreach (string line in ResultText.SummaryHeader())
            {
                w.WriteLine(line);
            }

            foreach (var s in stages)
            {
                w.WriteLine(ResultText.SummaryLine(s.Label, s.CombinedScore ?? 0, s.PassRate ?? 0, null));
            }
        }

        foreach (string file in result.Files)
        {
            w.WriteLine($"  wrote {Path.GetFileName(file)}");
        }

        w.WriteLine($"Sweep {result.Sweep.Id} ({result.Sweep.RuntimeStatus}) results saved to {folder.FullPath}");
    }

    private static Table Stages(IReadOnlyList<StageView> stages, bool terminal)
    {
        var table = new Table { Border = terminal ? TableBorder.Rounded : TableBorder.Ascii2, Title = new TableTitle("Finished stages") };
        table.AddColumns("#", "Stage", "Winner", "Combined", "Mean", "Std", "Pass", "Seeds", "Improved");
        foreach (var s in stages)
        {
            table.AddRow($"{s.Stage}", Markup.Escape(s.Label), Markup.Escape(s.Params.ToString()), $"{s.CombinedScore:F4}", $"{s.MeanScore:F4}", $"{s.StdScore:F4}",
                s.PassRate is { } p ? ResultText.Pct(p) : "-", $"{s.NSeeds}", s.Improved switch { true => "yes", false => "no", null => "-" });
        }

        return table;
    }
}
