using System.Text;
using System.Text.Json;
using SweepDomain.Selection;
using SweepDomain.Sweep;

namespace SweepFunctions.Launch;

/// <summary>
/// The request as accepted (<c>{id}/request.json</c>): every setting at its effective value, the base resolved to
/// parameters and the stages in text form. It is itself a valid request body, so a sweep can be repeated exactly.
/// </summary>
public static class AcceptedRequest
{
    public static string ToJson(SweepPlan plan, string sweepId)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("instanceId", sweepId);
            w.WriteString("scenario", plan.Scenario);
            w.WriteStartArray("stages");
            plan.Stages.ToList().ForEach(s => w.WriteStringValue(s.Source));
            w.WriteEndArray();
            w.WritePropertyName("base");
            JsonSerializer.Serialize(w, plan.Base);
            if (plan.CrossScenario is { } cross)
            {
                w.WriteString("crossScenario", cross);
            }

            w.WriteNumber("periods", plan.Periods);
            w.WriteString("stabilityTiers", StabilityTier.Format(plan.Tiers));
            w.WriteString("rankBy", plan.RankBy.ToText());
            w.WriteNumber("kFactor", plan.KFactor);
            w.WriteNumber("crossSeeds", plan.CrossSeeds);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
