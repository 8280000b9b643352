using System.CommandLine;
using SweepDomain;
using SweepDomain.Parameters;
using SweepDomain.Requests;
using SweepDomain.Results;
using SweepDomain.Selection;

namespace SweepCli.CommandLine;

/// <summary>
/// The flags that describe a sweep (sweep-semantics §6.1), shared by <c>run</c> and <c>submit</c>, with the original's
/// defaults. Numbers are read as text so every problem is reported at once by <see cref="ReadRequest"/>.
/// </summary>
internal sealed class SweepFlags
{
    public Option<string> Scenario { get; } = new("--scenario")
    {
        Description = "Scenario to sweep; also the prefix of the output files (see 'sweep scenarios')",
        DefaultValueFactory = _ => SweepRequestValidator.DefaultScenario,
        HelpName = "name",
    };

    public Option<string?> Base { get; } = new("--base")
    {
        Description = "Base config: a stability-result JSON (e.g. a previous <scenario>_sweep.json; its first entry) or a YAML mapping of parameters [default: the model's defaults]",
        HelpName = "file",
    };

    public Option<string[]> Stages { get; } = new("--stages")
    {
        Description = "One or more stages, one argument each: \"LABEL:param=v1,v2 param2=v3\"; run in order, each winner carried forward [required]",
        AllowMultipleArgumentsPerToken = true,
        Arity = ArgumentArity.OneOrMore,
        HelpName = "stage",
    };

    public Option<string?> CrossScenario { get; } = new("--cross-scenario")
    {
        Description = "Also score each stage winner on this scenario (and the main one), 20 seeds each [default: none]",
        HelpName = "name",
    };

    public Option<string> Periods { get; } = new("--periods")
    {
        Description = "Simulation periods of every evaluation",
        DefaultValueFactory = _ => "1000",
        HelpName = "int",
    };

    public Option<string> StabilityTiers { get; } = new("--stability-tiers")
    {
        Description = "Tiers as configs:seeds pairs: keep the best <configs> and bring each to <seeds> seeds in total",
        DefaultValueFactory = _ => StabilityTier.DefaultText,
        HelpName = "tiers",
    };

    public Option<string> RankBy { get; } = new("--rank-by")
    {
        Description = "Ranking within a tier: combined | stability | mean",
        DefaultValueFactory = _ => SweepDomain.Selection.RankBy.Combined.ToText(),
        HelpName = "strategy",
    };

    public Option<string> KFactor { get; } = new("--k-factor")
    {
        Description = "k in combined = mean * pass_rate * (1 - k * std), std = sample std",
        DefaultValueFactory = _ => "1.0",
        HelpName = "number",
    };

    public Option<string> CarryForward { get; } = new("--carry-forward")
    {
        Description = "Which candidate a stage carries forward: best (the top of the ranking; the incumbent wins ties) | " +
                      "significant (the incumbent stays unless a candidate ranked above it beats it at --alpha: paired t-test, Holm-corrected)",
        DefaultValueFactory = _ => SweepDomain.Selection.CarryForward.Best.ToText(),
        HelpName = "policy",
    };

    public Option<string> Alpha { get; } = new("--alpha")
    {
        Description = "Significance level of the verdicts, of --carry-forward significant and of racing; above 0, at most 0.5",
        DefaultValueFactory = _ => "0.05",
        HelpName = "level",
    };

    public Option<bool> Racing { get; } = new("--racing")
    {
        Description = "Race the tiers: give seeds in blocks and drop candidates significantly below the leader " +
                      "by the stage's own ranking (paired bootstrap of the --rank-by keys on common seeds, Holm-corrected at --alpha; never on fewer than 10 seeds) [default: off, the original's tiers]",
    };

    public Option<string?> Equivalence { get; } = new("--equivalence")
    {
        Description = "Stop a stage early and keep the incumbent once every survivor is shown to lie within this margin of it " +
                      "on the ranking's score (two one-sided paired-bootstrap tests after each block, Bonferroni over the survivors " +
                      "and the stage's looks, at --alpha; never on fewer than 10 seeds); above 0, at most 0.5 [default: off]",
        HelpName = "margin",
    };

    public Option<string?> RaceBlock { get; } = new("--race-block")
    {
        Description = "Seeds per racing block, with --racing [default: 10]",
        HelpName = "seeds",
    };

    public void AddTo(Command command)
    {
        foreach (Option option in new Option[] { Scenario, Base, Stages, CrossScenario, Periods, StabilityTiers, RankBy, KFactor, CarryForward, Alpha, Racing, RaceBlock, Equivalence })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The request the flags describe, with the base file loaded. Problems go to <paramref name="errors"/>.</summary>
    public SweepRequest ReadRequest(ParseResult parse, ValidationErrors errors) => new()
    {
        Scenario = parse.GetValue(Scenario),
        Stages = ReadStages(parse, errors),
        Base = parse.GetValue(Base) is { } path ? LoadBase(path, errors) : null,
        BasePath = parse.GetValue(Base),
        CrossScenario = parse.GetValue(CrossScenario),
        Periods = ArgValues.Int(parse.GetValue(Periods), "periods", errors),
        StabilityTiers = parse.GetValue(StabilityTiers),
        RankBy = parse.GetValue(RankBy),
        KFactor = ArgValues.Double(parse.GetValue(KFactor), "kFactor", errors),
        CarryForward = parse.GetValue(CarryForward),
        Alpha = ArgValues.Double(parse.GetValue(Alpha), "alpha", errors),
        Racing = parse.GetValue(Racing),
        RaceBlock = ArgValues.Int(parse.GetValue(RaceBlock), "raceBlock", errors),
        Equivalence = ArgValues.Double(parse.GetValue(Equivalence), "equivalence", errors),
    };

    /// <summary>
    /// <paramref name="basis"/> (a request file's content, or empty) with every flag the user actually typed laid
    /// over it. Flags left out stay null, so the service applies its defaults (the same as this tool's). A local
    /// <c>--base</c> file is loaded here and sent as parameters.
    /// </summary>
    public SweepRequest ReadOverrides(ParseResult parse, SweepRequest basis, ValidationErrors errors)
    {
        bool Given(Option option) => parse.GetResult(option) is { Implicit: false };
        return basis with
        {
            Scenario = Given(Scenario) ? parse.GetValue(Scenario) : basis.Scenario,
            Stages = Given(Stages) ? ReadStages(parse, errors) : basis.Stages,
            Base = Given(Base) ? LoadBase(parse.GetValue(Base)!, errors) : basis.Base,
            BasePath = Given(Base) ? null : basis.BasePath,
            CrossScenario = Given(CrossScenario) ? parse.GetValue(CrossScenario) : basis.CrossScenario,
            Periods = Given(Periods) ? ArgValues.Int(parse.GetValue(Periods), "periods", errors) : basis.Periods,
            StabilityTiers = Given(StabilityTiers) ? parse.GetValue(StabilityTiers) : basis.StabilityTiers,
            RankBy = Given(RankBy) ? parse.GetValue(RankBy) : basis.RankBy,
            KFactor = Given(KFactor) ? ArgValues.Double(parse.GetValue(KFactor), "kFactor", errors) : basis.KFactor,
            CarryForward = Given(CarryForward) ? parse.GetValue(CarryForward) : basis.CarryForward,
            Alpha = Given(Alpha) ? ArgValues.Double(parse.GetValue(Alpha), "alpha", errors) : basis.Alpha,
            Racing = Given(Racing) ? parse.GetValue(Racing) : basis.Racing,
            RaceBlock = Given(RaceBlock) ? ArgValues.Int(parse.GetValue(RaceBlock), "raceBlock", errors) : basis.RaceBlock,
            Equivalence = Given(Equivalence) ? ArgValues.Double(parse.GetValue(Equivalence), "equivalence", errors) : basis.Equivalence,
        };
    }

    /// <summary>
    /// The stage arguments. <c>--stages</c> takes every following argument, so a mistyped option after it arrives
    /// here as a "stage"; it is named as a likely unknown option rather than as a stage without a colon.
    /// </summary>
    private List<StageInput>? ReadStages(ParseResult parse, ValidationErrors errors)
    {
        var stages = parse.GetValue(Stages);
        foreach (string stage in stages?.Where(LooksLikeOption) ?? [])
        {
            errors.Add("stages", $"'{stage}' looks like an option, not a stage: this command has no such option (see --help).");
        }

        return stages?.Where(s => !LooksLikeOption(s)).Select(s => new StageInput(s)).ToList();
    }

    private static bool LooksLikeOption(string arg) => arg.StartsWith('-') && !arg.Contains(':');

    /// <summary>Reads a base file (sweep-semantics §6.3); a missing or unreadable file is an input error.</summary>
    public static ParamSet? LoadBase(string path, ValidationErrors errors)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            errors.Add("base", $"Cannot read base config '{path}': {e.Message}");
            return null;
        }

        return BaseConfig.Load(path, text, errors);
    }
}
