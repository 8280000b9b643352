using BamScenarios;
using Microsoft.Extensions.DependencyInjection;
using SweepDashboard.Tests.Support;
using SweepDomain.Evaluation;
using SweepFunctions.Tests.Support;

namespace SweepLibrary.Tests;

/// <summary>
/// The Python client's unittest suites, run by Debian's python3: the stage parser, then <c>run_sweep</c> on the sweep
/// command of this build, then on the app's real HTTP functions served on 127.0.0.1 (the durable test host with the
/// built-in model, Azurite), each with the seed's own example and bad input.
/// </summary>
public sealed class PythonClientTests
{
    private static void AssertPassed(Repo.Finished run, int tests)
    {
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"Ran {tests} tests", run.Error);
        Assert.Contains("\nOK", run.Error);
    }

    [Fact]
    public async Task The_python_stage_parser_passes_its_tests() =>
        AssertPassed(await Repo.PythonTestsAsync("test_stages", new Dictionary<string, string?>()), 6);

    [Fact]
    public async Task The_python_client_runs_the_seed_example_and_rejects_bad_input_on_the_sweep_command()
    {
        var run = await Repo.PythonTestsAsync("test_cli_mode", new Dictionary<string, string?> { ["SWEEP_COMMAND"] = Repo.SweepCommand, ["SWEEP_ENDPOINT"] = null });
        AssertPassed(run, 8);
        Assert.Contains("Tier 1: top 3 configs x 2 total seeds", run.Error);   // the command's progress reached standard error
    }

    [Fact]
    public async Task The_python_client_runs_the_seed_example_and_rejects_bad_input_on_the_apps_http_functions()
    {
        const string key = "python-client-key";
        var fixture = AzuriteAppFixture.With((services, _) => services
            .AddSingleton<IScenarioCatalog>(new BamScenarioCatalog())
            .AddSingleton<IScenarioEvaluator>(new BamScenarioEvaluator()));
        await fixture.InitializeAsync();
        try
        {
            await fixture.RequireStorageAsync();
            await using var server = await LoopbackServer.StartAsync(fixture.App, key);
            var run = await Repo.PythonTestsAsync("test_http_mode", new Dictionary<string, string?>
            {
                ["SWEEP_ENDPOINT"] = server.BaseUrl, ["SWEEP_FUNCTION_KEY"] = key, ["SWEEP_COMMAND"] = Repo.SweepCommand,
            });
            AssertPassed(run, 4);
            Assert.True(server.Count("POST", "/api/sweeps") >= 4, "the client started its sweeps through the app's start route");
        }
        finally
        {
            await fixture.DisposeAsync();
        }
    }
}
