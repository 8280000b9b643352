using System.Globalization;
using SweepDomain.Evidence;
using SweepDomain.Sweep;

namespace SweepLibrary.Output;

/// <summary>The console lines the original prints for a sweep (sweep-semantics §6.5, §8), plus what the port adds.</summary>
public static class ResultText
{
    /// <summary>The key of the whole sweep's wall time in the report's timings.</summary>
    public const string TotalTiming = "total";

    /// <summary>The key of a stage's wall time in the report's timings.</summary>
    public static string StageTiming(string label) => $"stage {label}";

    /// <summary>A rate as a whole percentage, as Python's <c>{:.0%}</c> writes it.</summary>
    public static string Pct(double rate) => (rate * 100).ToString("F0", CultureInfo.InvariantCulture) + "%";

    /// <summary>The original's <c>SWEEP SUMMARY</c> block: one line per stage.</summary>
    public static IEnumerable<string> SweepSummary(IEnumerable<StageResult> stages) =>
        SummaryHeader().Concat(stages.Select(s => SummaryLine(s.Label, s.CombinedScore, s.PassRate, s.NCandidates)));

    /// <summary>The lines above the <c>SWEEP SUMMARY</c> block's stage lines.</summary>
    public static IEnumerable<string> SummaryHeader() => ["", new string('=', 60), "SWEEP SUMMARY", new string('=', 60)];

    /// <summary><c>  A: combined=0.1576 pass=20% (2 combos)</c>; the count is left out when unknown.</summary>
    public static string SummaryLine(string label, double combined, double passRate, int? combos) =>
        $"  {label}: combined={combined:F4} pass={Pct(passRate)}{(combos is { } n ? $" ({n} combos)" : "")}";

    /// <summary>What a finished stage printed: winner, the last tier's top five, the cross-scenario figures.</summary>
    public static IEnumerable<string> StageEnd(StageOutcome outcome, TimeSpan elapsed)
    {
        var r = outcome.Result;
        var finalists = outcome.Candidates.Where(c => c.FinalRank is not null).OrderBy(c => c.FinalRank).ToList();
        yield return $"  Final tier results (top {Math.Min(5, finalists.Count)} of {finalists.Count}):";
        foreach (var c in finalists.Take(5))
        {
            string versus = c.VersusWinner is { } v ? $" vs winner {EvidenceText.Signed(v.MeanDifference)}{(v.TTestP is { } p ? $", {EvidenceText.P(p, "p")}" : "")}" : "";
            yield return $"    #{c.FinalRank}: combined={c.Combined:F4} mean={c.Mean:F3} sd={c.Std:F3} ({c.SeedScores.Count} seeds) {c.Params}{(c.IsIncumbent ? " [incumbent]" : "")}{versus}";
        }

        yield return $"  Stage {r.Label} winner: combined={r.CombinedScore:F4} mean={r.MeanScore:F4} {r.WinnerParams}";
        yield return r.Improved
            ? $"    replaces the incumbent (combined {r.IncumbentCombined:F4} on the same seeds)"
            : "    the incumbent (current base) stays";
        foreach (string line in Evidence(r))
        {
            yield return $"    {line}";
        }

        foreach (var check in r.CrossScenario?.Scenarios ?? [])
        {
            yield return $"    {check.Scenario}: pass={Pct(check.PassRate)} combined={check.Combined:F4}";
        }

        yield return $"    {r.EvaluationsRequested} evaluations requested, {r.EvaluationsExecuted} run, in {Eta.Format(elapsed.TotalSeconds)}";
    }

    /// <summary>The stage's verdict, the rule that chose its winner and why, and what racing saved.</summary>
    public static IEnumerable<string> Evidence(StageResult r)
    {
        if (r.Verdict is { } verdict)
        {
            yield return verdict;
        }

        if (r.Decision is { } d)
        {
            yield return $"carry-forward {d.Policy}: {d.Reason}";
        }

        if (r.Racing is { } race)
        {
            yield return Racing(race);
        }

        if (r.Stop is { } stop)
        {
            yield return $"stopped by {stop.Rule}: {stop.Text}";
        }
    }

    /// <summary><c>racing dropped 5 candidates: 164 evaluations, against at most 194 with the plain tiers</c>.</summary>
    public static string Racing(RaceSummary race) =>
        $"racing (blocks of {race.BlockSize} seeds, alpha {race.Alpha.ToString(CultureInfo.InvariantCulture)}) dropped {race.Dropped} " +
        $"candidate{(race.Dropped == 1 ? "" : "s")}: {race.Requested} evaluations in screening and tiers, against at most " +
        $"{race.PlainTiersAtMost} with the plain tiers ({race.Saved} fewer)";

    /// <summary>Every candidate of a stage, in grid order (for --verbose).</summary>
    public static IEnumerable<string> AllCandidates(StageOutcome outcome) => outcome.Candidates
        .OrderBy(c => c.Index)
        .Select(c => $"    [{c.Index}] {c.Params}{(c.IsIncumbent ? " [incumbent]" : "")}: screening={c.ScreeningScore:F4} " +
                     $"({c.NPass}/{c.NWarn}/{c.NFail}) seeds={c.SeedScores.Count} mean={c.Mean:F4} std={c.Std:F4} " +
                     $"pass={Pct(c.PassRate)} combined={c.Combined:F4} rank={(c.FinalRank?.ToString(CultureInfo.InvariantCulture) ?? "-")}" +
                     (c.Dropped is { } d ? $" dropped by racing in tier {d.Tier} block {d.Block} at {d.Seeds} seeds ({EvidenceText.Signed(d.MeanDifference)} vs the leader, Holm-adjusted {EvidenceText.P(d.AdjustedP, "p")})" : ""));

    /// <summary>The winner against the incumbent in one cell: <c>+0.0130 [-0.0013, +0.0273] p = 0.073</c>, or <c>kept</c>.</summary>
    public static string VersusIncumbent(StageResult r) => r.WinnerVsIncumbent is not { } c
        ? (r.Verdict is null ? "-" : "kept")
        : $"{EvidenceText.Signed(c.MeanDifference)}" + (c.CiLow is { } low && c.CiHigh is { } high ? $" [{EvidenceText.Signed(low)}, {EvidenceText.Signed(high)}]" : "") +
          (c.TTestP is { } p ? $" {EvidenceText.P(p, "p")}" : "");

    /// <summary>The cross-scenario figures of a stage in one cell, e.g. <c>baseline 85% 0.6848; growth_plus 0% 0.0000</c>.</summary>
    public static string Cross(StageResult r) => r.CrossScenario is null
        ? "-"
        : string.Join("; ", r.CrossScenario.Scenarios.Select(s => $"{s.Scenario}: pass {Pct(s.PassRate)}, combined {s.Combined:F4}"));
}
