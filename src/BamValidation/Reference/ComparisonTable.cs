using System.Text;
using static BamValidation.Reference.TableText;

namespace BamValidation.Reference;

/// <summary>Plain-text rendering of a <see cref="ScenarioComparison"/>.</summary>
public static class ComparisonTable
{
    public static string Format(ScenarioComparison c)
    {
        var text = new StringBuilder();
        int nameWidth = Math.Max(6, c.Metrics.Max(m => m.Name.Length));
        text.AppendLine(Invariant($"== {c.Scenario}: {c.OurSeeds.Count} seeds =="));
        text.AppendLine(Invariant($"{"metric".PadRight(nameWidth)} | {"original mean [min, max] sd",-46} | {"ours mean [min, max]",-36} | {"d/sd",6} | in | orig W/F | ours W/F"));
        foreach (var m in c.Metrics)
        {
            string original = Invariant($"{Num(m.ReferenceMean)} [{Num(m.ReferenceMin)}, {Num(m.ReferenceMax)}] {Num(m.ReferenceStd)}");
            string ours = Invariant($"{Num(m.OurMean)} [{Num(m.OurMin)}, {Num(m.OurMax)}]");
            string flag = m.InsideWidenedRange ? "y " : "NO";
            text.AppendLine(Invariant(
                $"{m.Name.PadRight(nameWidth)} | {original,-46} | {ours,-36} | {Signed(m.StdDistance, "F1"),6} | {flag} | {m.ReferenceWarn,3}/{m.ReferenceFail,-3}{(m.ReferenceWarnsOnAllSeeds ? "*" : " ")} | {m.OurWarn,3}/{m.OurFail,-3}{(m.OursWarnsOnAllSeeds ? "*" : " ")}"));
        }

        text.AppendLine(Invariant($"mean total score: ours {c.OurMeanScore:F4} vs original {c.ReferenceMeanScore:F4} (gap {c.ScoreGap:F4}, max {ScenarioComparison.MaxScoreGap})"));
        text.AppendLine(Invariant($"pass rate: ours {c.OurPassRate:F2} (min {ScenarioComparison.MinPassRate})"));
        text.AppendLine(Invariant($"metrics inside [min − sd, max + sd]: {c.FractionInside:F3} (min {ScenarioComparison.MinFractionInside})"));
        text.AppendLine("W/F = seeds in WARN / FAIL; * = WARN on every seed.");
        return text.ToString();
    }
}
