// Grid vs scrambled Sobol vs Sobol plus the adaptive rounds, on the baseline scenario and one three-parameter stage
// (beta, max_M, h_rho), each design at a ladder of sizes with the same tiers, so the largest rung of every design has
// the same worst-case budget. Each winner is then scored on 100 fresh seeds (10,000-10,099) that no design saw.
//
// The base starts the three parameters away from the model's defaults (which are already calibrated, so a stage that
// keeps its incumbent would win everywhere) and off every grid's points, so each design has to find the good region.
//
//   dotnet run -c Release --project bench/DesignBench -- [--periods 1000] [--tiers 10:10,3:30] [--workers N]
//       [--base beta=4.7,max_M=2,h_rho=0.27]
using System.Globalization;
using BamScenarios;
using SweepDomain;
using SweepDomain.Evaluation;
using SweepDomain.Evidence;
using SweepDomain.Parameters;
using SweepDomain.Requests;
using SweepDomain.Sweep;
using SweepHosting.Evaluation;

var options = Options(args);
int periods = int.Parse(options.GetValueOrDefault("periods", "1000"), CultureInfo.InvariantCulture);
string tiers = options.GetValueOrDefault("tiers", "10:10,3:30");
int workers = int.Parse(options.GetValueOrDefault("workers", "0"), CultureInfo.InvariantCulture);
var baseParams = ParamSet.From(options.GetValueOrDefault("base", "beta=4.7,max_M=2,h_rho=0.27").Split(',')
    .Select(kv => kv.Split('='))
    .Select(kv => KeyValuePair.Create(kv[0], SweepDomain.Stages.ValueGrammar.Parse(kv[1]))));
const string Scenario = "baseline";
const string Ranges = "beta=0.5..5.0 max_M=1..10 h_rho=0.05..0.3";
int[] gridSides = [2, 3, 4, 5];                       // 8, 27, 64 and 125 candidates
int[] freshSeeds = Enumerable.Range(10_000, 100).ToArray();

var catalog = new BamScenarioCatalog();
var evaluator = new ParallelEvaluator(new BamScenarioEvaluator(), workers);

var designs = new (string Name, Func<int, string> Stage)[]
{
    ("grid", k => $"G{k * k * k}:" + string.Join(' ', Linspace("beta", 0.5, 5.0, k, false), Linspace("max_M", 1, 10, k, true), Linspace("h_rho", 0.05, 0.3, k, false))),
    ("sobol", k => $"S{k * k * k}[sobol {k * k * k}]:{Ranges}"),
    ("sobol+adaptive", k => $"A{k * k * k}[sobol {k * k * k / 2}, adaptive {k * k * k - k * k * k / 2}]:{Ranges}"),
};

Console.WriteLine($"Scenario {Scenario}, base {baseParams}, {periods} periods, tiers {tiers}, fresh seeds {freshSeeds[0]}-{freshSeeds[^1]} (n = {freshSeeds.Length}), {evaluator.Workers} workers.");
Console.WriteLine();
var rows = new List<(string Design, int Candidates, long WorstCase, int Requested, ParamSet Winner, TTestResult Fresh, double Pass, (double Lo, double Hi) PassCi)>();
foreach (var (name, stageOf) in designs)
{
    foreach (int k in gridSides)
    {
        var errors = new ValidationErrors();
        var plan = SweepRequestValidator.Validate(new SweepRequest { Scenario = Scenario, Stages = [new StageInput(stageOf(k))], Base = baseParams, Periods = periods, StabilityTiers = tiers }, catalog, errors)
                   ?? throw new InvalidOperationException(errors.ToString());
        var outcome = await new SweepEngine(evaluator).RunAsync(plan);
        var winner = outcome.Final;
        var scores = await evaluator.EvaluateAsync(freshSeeds.Select(s => new EvaluationRequest(Scenario, winner, s, periods)).ToList(), EvaluationPhase.Tier, CancellationToken.None);
        var fresh = TTest.OneSample(scores.Select(s => s.TotalScore).ToArray());
        int passed = scores.Count(s => s.Passed);
        rows.Add((name, k * k * k, SweepCost.Sweep(plan), outcome.EvaluationsRequested, winner, fresh, (double)passed / scores.Count, Wilson(passed, scores.Count)));
        Console.Error.WriteLine($"{name} {k * k * k}: {outcome.EvaluationsRequested} evaluations, winner {winner}, fresh mean {fresh.Mean:F4}");
    }
}

var gridFinal = rows.Last(r => r.Design == "grid");
Console.WriteLine("| Design | Candidates | Worst case | Evaluations | Winner | Fresh mean (95% CI) | Fresh pass rate (95% CI) |");
Console.WriteLine("| --- | ---: | ---: | ---: | --- | --- | --- |");
foreach (var r in rows)
{
    Console.WriteLine($"| {r.Design} | {r.Candidates} | {r.WorstCase} | {r.Requested} | `{r.Winner}` | {r.Fresh.Mean:F4} [{r.Fresh.CiLow:F4}, {r.Fresh.CiHigh:F4}] | {r.Pass:P0} [{r.PassCi.Lo:P0}, {r.PassCi.Hi:P0}] |");
}

Console.WriteLine();
Console.WriteLine($"Budget at which each design's winner first reaches the grid's final fresh mean ({gridFinal.Fresh.Mean:F4}, grid of {gridFinal.Candidates} after {gridFinal.Requested} evaluations):");
Console.WriteLine();
Console.WriteLine("| Design | First rung reaching it | Evaluations | Share of the grid's |");
Console.WriteLine("| --- | ---: | ---: | ---: |");
foreach (var (name, _) in designs)
{
    var first = rows.FirstOrDefault(r => r.Design == name && r.Fresh.Mean >= gridFinal.Fresh.Mean);
    Console.WriteLine(first.Design is null
        ? $"| {name} | not reached | - | - |"
        : $"| {name} | {first.Candidates} candidates | {first.Requested} | {(double)first.Requested / gridFinal.Requested:P0} |");
}

static string Linspace(string name, double lo, double hi, int k, bool integer) =>
    name + "=" + string.Join(',', Enumerable.Range(0, k).Select(i => lo + (hi - lo) * i / (k - 1))
        .Select(v => integer ? Math.Round(v, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture) : Math.Round(v, 4).ToString("0.0###", CultureInfo.InvariantCulture)));

// Wilson score interval for a proportion at 95 %.
static (double Lo, double Hi) Wilson(int successes, int n)
{
    const double z = 1.959964;
    double p = (double)successes / n, d = 1 + z * z / n, centre = (p + z * z / (2 * n)) / d;
    double half = z * Math.Sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / d;
    return (Math.Max(0, centre - half), Math.Min(1, centre + half));
}

static Dictionary<string, string> Options(string[] args)
{
    var result = new Dictionary<string, string>();
    for (int i = 0; i + 1 < args.Length; i += 2)
    {
        result[args[i].TrimStart('-')] = args[i + 1];
    }

    return result;
}
