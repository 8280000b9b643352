using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SweepDomain.Evaluation;
using SweepDomain.Results;
using SweepDomain.Selection;
using SweepDomain.Sweep;

namespace SweepLibrary.Output;

/// <summary>
/// Everything that decides a sweep's results, as <c>--resume</c> compares it: the validated plan (scenario and its
/// parameter definitions, base values, every stage, periods, tiers, ranking, k, cross-scenario and its seeds, the
/// carry-forward rule, alpha, racing and the equivalence stop), where the base came from (the report names it), the
/// evaluator's name and version, and the sweep engine's version. Saved as the output folder's
/// <c>{scenario}_sweep_resume/request.json</c> when a sweep starts; finished stages are reused only for an equal request.
/// </summary>
public sealed record ResumeRequest(string EngineVersion, EvaluatorIdentity Evaluator, BaseSource BaseSource, SweepPlan Plan)
{
    private static readonly JsonSerializerOptions Json = SweepReport.JsonOptions;

    /// <summary>The request as saved: indented JSON in the report's conventions.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The request in <paramref name="json"/>; null when it cannot be read as one.</summary>
    public static ResumeRequest? Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<ResumeRequest>(json, Json) is { Plan: not null, Evaluator: not null, BaseSource: not null } r ? r : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A SHA-256 of the canonical JSON: each stage checkpoint carries it, so it is never read for another request.</summary>
    public string Fingerprint() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ToJson())));

    /// <summary>
    /// What differs between this request and <paramref name="saved"/>, one sentence each in the form
    /// <c>--periods 500 here, 1000 in the folder's request</c>; empty when they are the same request.
    /// </summary>
    public IReadOnlyList<string> Differences(ResumeRequest saved)
    {
        var differences = new List<string>();
        void Compare(string what, string here, string there)
        {
            if (here != there)
            {
                differences.Add($"{what} {here} here, {there} in the folder's request");
            }
        }

        Compare("sweep engine", EngineVersion, saved.EngineVersion);
        Compare("evaluator", Evaluator.ToString(), saved.Evaluator.ToString());
        Compare("--base from", Origin(BaseSource), Origin(saved.BaseSource));
        var mine = JsonSerializer.SerializeToNode(Plan, Json)!.AsObject();
        var theirs = JsonSerializer.SerializeToNode(saved.Plan, Json)!.AsObject();
        foreach (string member in mine.Select(p => p.Key).Union(theirs.Select(p => p.Key)))
        {
            if (JsonNode.DeepEquals(mine[member], theirs[member]))
            {
                continue;
            }

            if (PlanMembers.TryGetValue(member, out var shown) && shown.Show(Plan) != shown.Show(saved.Plan))
            {
                Compare(shown.Flag, shown.Show(Plan), shown.Show(saved.Plan));
            }
            else
            {
                differences.Add(member == "schema"
                    ? $"the parameters of scenario {Plan.Scenario} (their defaults or bounds) differ from the folder's request: the model changed"
                    : $"{member} differs from the folder's request");
            }
        }

        return differences;
    }

    private static string Origin(BaseSource source) => source.Name is { } name ? $"{source.Kind} {name}" : source.Kind;

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The plan's members by their JSON names, with the flag that sets each and its value as written there.</summary>
    private static readonly Dictionary<string, (string Flag, Func<SweepPlan, string> Show)> PlanMembers = new()
    {
        ["schema"] = ("--scenario", p => p.Scenario),
        ["stages"] = ("--stages", p => string.Join(' ', p.Stages.Select(s => s.Source))),
        ["base"] = ("--base", p => p.Base.ToString()),
        ["periods"] = ("--periods", p => p.Periods.ToString(CultureInfo.InvariantCulture)),
        ["tiers"] = ("--stability-tiers", p => StabilityTier.Format(p.Tiers)),
        ["rankBy"] = ("--rank-by", p => p.RankBy.ToText()),
        ["kFactor"] = ("--k-factor", p => Number(p.KFactor)),
        ["crossSchema"] = ("--cross-scenario", p => p.CrossScenario ?? "none"),
        ["crossSeeds"] = ("cross-scenario seeds", p => p.CrossSeeds.ToString(CultureInfo.InvariantCulture)),
        ["carryForward"] = ("--carry-forward", p => p.CarryForward.ToText()),
        ["alpha"] = ("--alpha", p => Number(p.Alpha)),
        ["racing"] = ("--racing", p => p.Racing ? "on" : "off"),
        ["raceBlock"] = ("--race-block", p => p.RaceBlock.ToString(CultureInfo.InvariantCulture)),
        ["equivalence"] = ("--equivalence", p => p.Equivalence is { } e ? Number(e) : "off"),
    };
}
