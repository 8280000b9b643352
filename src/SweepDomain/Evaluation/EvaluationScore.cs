using System.Text.Json.Serialization;

namespace SweepDomain.Evaluation;

/// <summary>
/// The validator's verdict on one run (sweep-semantics §7): the weighted mean metric score and the number of
/// metrics in each status. A seed passes when <see cref="NFail"/> is 0. <see cref="Note"/> explains a degenerate
/// run (for example a collapse), and is null otherwise.
/// </summary>
public sealed record EvaluationScore(double TotalScore, int NPass, int NWarn, int NFail, string? Note = null)
{
    [JsonIgnore]
    public bool Passed => NFail == 0;
}
