using SweepDomain.Parameters;
using SweepLibrary;

// The seed document's example: two stages from the model's defaults with beta = 5.0 and max_M = 4, on the built-in
// model. `--quick` runs 50 periods and small tiers instead of 1000 periods and the default tiers (the tests use it).
bool quick = args.Contains("--quick");

var stages = Stages.Parse(
[
    "entry:new_firm_size_factor=0.1,0.2",
    "behavioral:beta=0.5,1.0,2.5 max_M=2,4",
]);
var results = await Sweep.RunAsync(
    baseParams: ParamSet.Of(("beta", 5.0), ("max_M", 4)),
    stages: stages,
    scenario: "baseline",
    options: new SweepOptions
    {
        Workers = 10,
        Periods = quick ? 50 : null,
        StabilityTiers = quick ? [(3, 2), (2, 3)] : null,
    });
foreach (var stage in results)
{
    Console.WriteLine($"Stage {stage.Label}: {(stage.Improved ? "improved" : "no change")}");
    Console.WriteLine($" Winner: {stage.WinnerParams}");
    Console.WriteLine($" {stage.Verdict}");
}
