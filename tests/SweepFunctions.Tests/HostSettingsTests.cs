using System.Text.Json;
using SweepDomain.Sweep;

namespace SweepFunctions.Tests;

/// <summary>The Durable settings of host.json that keep replays safe and resumes quick.</summary>
public sealed class HostSettingsTests
{
    private static readonly JsonElement DurableTask = Load();

    [Fact]
    public void Orchestrations_are_versioned_with_the_engine_and_never_replayed_by_other_code()
    {
        Assert.Equal(SweepEngineVersion.Current, DurableTask.GetProperty("defaultVersion").GetString());
        Assert.Equal("Strict", DurableTask.GetProperty("versionMatchStrategy").GetString());
        Assert.Equal("Reject", DurableTask.GetProperty("versionFailureStrategy").GetString());
    }

    [Fact]
    public void Work_a_dead_worker_took_is_visible_again_after_a_minute()
    {
        var storage = DurableTask.GetProperty("storageProvider");

        Assert.Equal("00:01:00", storage.GetProperty("workItemQueueVisibilityTimeout").GetString());
        Assert.Equal("00:01:00", storage.GetProperty("controlQueueVisibilityTimeout").GetString());
    }

    private static JsonElement Load()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(Support.FunctionIndex.RepositoryRoot(), "host.json")));
        return host.RootElement.GetProperty("extensions").GetProperty("durableTask").Clone();
    }
}

/// <summary>The custom status stays far below the engine's 16 KB cap for the largest request the limits accept.</summary>
public sealed class CustomStatusSizeTests
{
    [Fact]
    public void Progress_of_the_largest_accepted_request_is_a_small_fraction_of_16_KB()
    {
        var schema = new BamScenarios.BamScenarioCatalog().Find("buffer_stock")!;
        var everyParameter = SweepDomain.Parameters.ParamSet.From(schema.Parameters.Select(p => KeyValuePair.Create(p.Name,
            p.Choices is { Count: > 0 } choices ? SweepDomain.Parameters.ParamValue.Text(choices.MaxBy(c => c.Length)!) : SweepDomain.Parameters.ParamValue.Float(-1.2345678901234567e-300))));
        var progress = new SweepHosting.Api.SweepProgressView(
            20, 20, new string('L', SweepDomain.Requests.SweepLimits.Default.MaxLabelLength), "tier 3 of 3, block 100 (seeds to 1000, 5001 racing)", 5_001_000,
            int.MaxValue, int.MaxValue, long.MaxValue, 19, everyParameter, -1.2345678901234567e-300, -1.2345678901234567e-300, 1000);

        int bytes = JsonSerializer.SerializeToUtf8Bytes(progress, SweepHosting.Api.ApiJson.Options).Length;

        Assert.True(bytes < 4 * 1024, $"{bytes} bytes");
    }
}

/// <summary>docs/deploy.md says what host.json's versioning really does to a running sweep of another version.</summary>
public sealed class VersioningDocumentTests
{
    [Fact]
    public void Deploy_guide_says_only_orchestration_messages_wait_and_queued_batches_run_on_the_new_host()
    {
        string deploy = File.ReadAllText(Path.Combine(Support.FunctionIndex.RepositoryRoot(), "docs", "deploy.md"));
        string section = deploy[deploy.IndexOf("### 4. Deploy a new version", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n### ", 5, StringComparison.Ordinal)];
        string flat = string.Join(' ', section.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));

        Assert.DoesNotContain("rejects its work items", flat);
        Assert.Contains("The version check applies to **orchestration** work items only", flat);
        Assert.Contains("**Activity** work items carry no version and are not checked", flat);
        Assert.Contains("the evaluation batches the old sweep had already queued (and the retries of those that failed) run on the new host, with the new code", flat);
        Assert.Contains("`versionFailureStrategy: Reject`", flat);
    }
}
