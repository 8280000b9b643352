namespace SweepLibrary.Tests;

/// <summary>The C# example under <c>examples/csharp/SeedExample</c>, built with the tests and run as its own process.</summary>
public sealed class ExampleTests
{
    [Fact]
    public async Task The_seed_example_in_csharp_prints_each_stage_its_winner_and_its_verdict()
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "SeedExample.dll");
        var run = await Repo.RunAsync("dotnet", [dll, "--quick"], AppContext.BaseDirectory);

        Assert.True(run.ExitCode == 0, run.ToString());
        string[] lines = run.Out.TrimEnd('\n').Split('\n');
        Assert.Equal(6, lines.Length);
        Assert.Matches(@"^Stage entry: (improved|no change)$", lines[0]);
        Assert.Matches(@"^ Winner: \{beta: 5\.0, max_M: 4, new_firm_size_factor: 0\.[125]\}$", lines[1]);
        Assert.Matches(@"^ winner ", lines[2]);
        Assert.Matches(@"^Stage behavioral: (improved|no change)$", lines[3]);
        Assert.Matches(@"^ Winner: \{new_firm_size_factor: 0\.[125], beta: [0-9.]+, max_M: [24]\}$", lines[4]);
    }
}
