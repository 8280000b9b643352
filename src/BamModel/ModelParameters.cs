using System.Globalization;

namespace BamModel;

/// <summary>
/// The overridable parameters (bam-model §1.7 and the extension table of §3) and how a value reaches a
/// <see cref="SimulationConfig"/>. Ranges are the start-up checks of §1.7 ("Valid ranges"); the extension ranges
/// are this port's choice (the original does not check them; see DECISIONS.md).
/// </summary>
internal static class ModelParameters
{
    private const string AllFirms = "all_firms", VacanciesOnly = "vacancies_only", Loyalty = "loyalty", RandomMatching = "random";

    /// <summary>Names a caller may never override: the run takes them as its own arguments.</summary>
    public static readonly IReadOnlyList<string> ReservedNames = ["seed", "n_periods"];

    public static readonly IReadOnlyList<ModelParameter> Core =
    [
        Int("n_firms", 100, 1, "Number of firms."),
        Int("n_households", 500, 1, "Number of households."),
        Int("n_banks", 10, 1, "Number of banks."),
        Unit("h_rho", 0.10, "Upper bound of the production-growth shock rho ~ U(0, h_rho)."),
        Unit("h_xi", 0.05, "Upper bound of the wage-growth shock xi ~ U(0, h_xi)."),
        Unit("h_phi", 0.10, "Upper bound of the bank cost shock phi ~ U(0, h_phi)."),
        Unit("h_eta", 0.10, "Upper bound of the price shock eta ~ U(0, h_eta)."),
        Int("max_M", 4, 1, "Job applications per unemployed worker per period (also the number of labour rounds)."),
        Int("max_H", 2, 1, "Banks a firm applies to (also the number of credit rounds)."),
        Int("max_Z", 2, 1, "Shops a household visits."),
        NonNegative("labor_productivity", 0.50, "Initial output per worker, the same for every firm."),
        Int("min_wage_rev_period", 4, 1, "The minimum wage is revised every this many periods."),
        Int("theta", 8, 1, "Length of a labour contract in periods."),
        Unit("v", 0.10, "Bank capital requirement: credit supply = equity / v."),
        Unit("r_bar", 0.02, "Base (policy) interest rate per quarter."),
        NonNegative("beta", 2.50, "Exponent of the consumption propensity c = 1 / (1 + tanh(SA / SA_avg)^beta)."),
        Unit("delta", 0.10, "Dividend payout ratio on positive profits."),
        NonNegative("price_init", 0.5, "Initial price of every firm."),
        Unit("min_wage_ratio", 0.5, "Initial minimum wage = ratio x initial wage offer (price_init / 3)."),
        NonNegative("net_worth_ratio", 6.0, "Initial net worth = ratio x initial revenue (production_init x price_init)."),
        NonNegative("net_worth_init", double.NaN,
            "Initial net worth of every firm; the default NaN means derived from net_worth_ratio."),
        NonNegative("equity_base_init", 5.0, "Initial equity of every bank."),
        NonNegative("savings_init", 1.0, "Initial savings of every household."),
        NonNegative("new_firm_size_factor", 0.5, "Entrant net worth = factor x trimmed mean of survivors' net worth."),
        NonNegative("new_firm_production_factor", 0.5, "Entrant production = factor x trimmed mean of survivors' production."),
        NonNegative("new_firm_wage_factor", 0.5,
            "Entrant wage offer = max(factor x trimmed mean wage of the employed, minimum wage)."),
        NonNegative("new_firm_price_markup", 1.20, "Entrant price = markup x current average market price."),
        NonNegative("max_loan_to_net_worth", 2.0, "Cap on each single loan: at most this x borrower net worth (0 = no cap)."),
        NonNegative("max_leverage", 10.0,
            "Cap on the fragility in the loan-rate formula, and the fragility of firms with net worth <= 0 (0 = no cap)."),
        new("cap_factor", ParameterType.Float, double.NaN, 1, null,
            "Cap on the breakeven price: at most price x cap_factor, applied only if > 1; the default NaN means no cap."),
        new("job_search_method", ParameterType.Choice, AllFirms, null, null,
            "all_firms: apply to any firm (applications to firms without vacancies are wasted); vacancies_only: only to firms with vacancies.",
            [AllFirms, VacanciesOnly]),
        new("consumer_matching", ParameterType.Choice, Loyalty, null, null,
            "loyalty: the previous largest producer is always among the visited shops; random: no loyalty.",
            [Loyalty, RandomMatching]),
    ];

    public static readonly IReadOnlyList<ModelParameter> RnD =
    [
        Unit("sigma_min", 0.0, "R&D extension: minimum R&D share of profits."),
        Unit("sigma_max", 0.1, "R&D extension: maximum R&D share of profits."),
        new("sigma_decay", ParameterType.Float, -1.0, null, 0,
            "R&D extension: exponent k in sigma = sigma_min + (sigma_max - sigma_min) x exp(k x fragility)."),
    ];

    public static readonly IReadOnlyList<ModelParameter> BufferStock =
    [
        new("buffer_stock_h", ParameterType.Float, 2.0, 0.01, null,
            "Buffer-stock extension: desired ratio of savings to income h."),
    ];

    private static readonly IReadOnlyList<ModelParameter> All = [.. Core, .. RnD, .. BufferStock];

    /// <summary>Checks one override against the union of the scenario parameter lists and applies it.</summary>
    public static SimulationConfig Apply(SimulationConfig c, string name, object value)
    {
        string text = ModelParameter.Format(value);
        if (ReservedNames.Contains(name))
        {
            throw new ParameterException(name, text, "set by the caller",
                $"Parameter '{name}' = {text} cannot be overridden: the run sets it itself (pass it to BamRunner.Run).");
        }

        ModelParameter spec = Find(name) ?? throw Unknown(name, text);
        if (IsNaNDefault(spec, value))
        {
            return ApplyFloat(c, name, double.NaN);   // the documented "derived" / "no cap" default, passed back explicitly
        }

        if (spec.Check(value) is { } problem)
        {
            string range = spec.RangeText;
            throw new ParameterException(name, text, range,
                problem.Contains(range, StringComparison.Ordinal) ? problem : $"{problem} Valid range: {range}.");
        }

        return spec.Type switch
        {
            ParameterType.Int when Convert.ToInt64(value, CultureInfo.InvariantCulture) > int.MaxValue => throw new ParameterException(name, text, spec.RangeText,
                $"Parameter '{name}' = {text} is too large for this port (at most {int.MaxValue})."),
            ParameterType.Int => ApplyInt(c, name, Convert.ToInt32(value, CultureInfo.InvariantCulture)),
            ParameterType.Float => ApplyFloat(c, name, Convert.ToDouble(value, CultureInfo.InvariantCulture)),
            _ => ApplyChoice(c, name, (string)value),
        };
    }

    /// <summary>Validates the run length (bam-model §1.7: n_periods ≥ 1).</summary>
    public static void CheckPeriods(int nPeriods)
    {
        if (nPeriods < 1)
        {
            throw new ParameterException("n_periods", nPeriods.ToString(CultureInfo.InvariantCulture), ">= 1",
                $"Parameter 'n_periods' = {nPeriods} is outside its valid range >= 1.");
        }
    }

    private static bool IsNaNDefault(ModelParameter spec, object value) =>
        spec.Default is double d && double.IsNaN(d) && value is double x && double.IsNaN(x);

    private static ModelParameter? Find(string name)
    {
        foreach (var p in All)
        {
            if (p.Name == name)
            {
                return p;
            }
        }

        return null;
    }

    private static ParameterException Unknown(string name, string value)
    {
        string? suggestion = Suggest(name);
        string names = string.Join(", ", All.Select(p => p.Name));
        return new ParameterException(name, value, "one of " + names,
            $"Unknown parameter '{name}' = {value}." + (suggestion is null ? "" : $" Did you mean '{suggestion}'?") +
            $" Valid names: {names}.");
    }

    /// <summary>The known name closest to <paramref name="name"/> by edit distance, or null when none is close.</summary>
    private static string? Suggest(string name)
    {
        var closest = All.MinBy(p => EditDistance(name.ToLowerInvariant(), p.Name.ToLowerInvariant()))!;
        return EditDistance(name.ToLowerInvariant(), closest.Name.ToLowerInvariant()) <= Math.Max(2, name.Length / 3) ? closest.Name : null;
    }

    /// <summary>Levenshtein distance: the fewest single-character insertions, deletions and substitutions.</summary>
    private static int EditDistance(string a, string b)
    {
        int[] row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (int i = 1; i <= a.Length; i++)
        {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int above = row[j];
                row[j] = Math.Min(diagonal + (a[i - 1] == b[j - 1] ? 0 : 1), Math.Min(above, row[j - 1]) + 1);
                diagonal = above;
            }
        }

        return row[b.Length];
    }

    private static SimulationConfig ApplyInt(SimulationConfig c, string name, int x) => name switch
    {
        "n_firms" => c with { NFirms = x },
        "n_households" => c with { NHouseholds = x },
        "n_banks" => c with { NBanks = x },
        "max_M" => c with { MaxM = x },
        "max_H" => c with { MaxH = x },
        "max_Z" => c with { MaxZ = x },
        "min_wage_rev_period" => c with { MinWageRevPeriod = x },
        "theta" => c with { Theta = x },
        _ => throw new InvalidOperationException($"No binding for int parameter '{name}'."),
    };

    private static SimulationConfig ApplyFloat(SimulationConfig c, string name, double x) => name switch
    {
        "h_rho" => c with { HRho = x },
        "h_xi" => c with { HXi = x },
        "h_phi" => c with { HPhi = x },
        "h_eta" => c with { HEta = x },
        "labor_productivity" => c with { LaborProductivity = x },
        "v" => c with { V = x },
        "r_bar" => c with { RBar = x },
        "beta" => c with { Beta = x },
        "delta" => c with { Delta = x },
        "price_init" => c with { PriceInit = x },
        "min_wage_ratio" => c with { MinWageRatio = x },
        "net_worth_ratio" => c with { NetWorthRatio = x },
        "net_worth_init" => c with { NetWorthInit = x },
        "equity_base_init" => c with { EquityBaseInit = x },
        "savings_init" => c with { SavingsInit = x },
        "new_firm_size_factor" => c with { NewFirmSizeFactor = x },
        "new_firm_production_factor" => c with { NewFirmProductionFactor = x },
        "new_firm_wage_factor" => c with { NewFirmWageFactor = x },
        "new_firm_price_markup" => c with { NewFirmPriceMarkup = x },
        "max_loan_to_net_worth" => c with { MaxLoanToNetWorth = x },
        "max_leverage" => c with { MaxLeverage = x },
        "cap_factor" => c with { CapFactor = x },
        "sigma_min" => c with { SigmaMin = x },
        "sigma_max" => c with { SigmaMax = x },
        "sigma_decay" => c with { SigmaDecay = x },
        "buffer_stock_h" => c with { BufferStockH = x },
        _ => throw new InvalidOperationException($"No binding for float parameter '{name}'."),
    };

    private static SimulationConfig ApplyChoice(SimulationConfig c, string name, string x) => name switch
    {
        "job_search_method" => c with { JobSearchMethod = x == VacanciesOnly ? JobSearchMethod.VacanciesOnly : JobSearchMethod.AllFirms },
        "consumer_matching" => c with { ConsumerMatching = x == RandomMatching ? ConsumerMatching.Random : ConsumerMatching.Loyalty },
        _ => throw new InvalidOperationException($"No binding for choice parameter '{name}'."),
    };

    private static ModelParameter Int(string name, long dflt, int min, string description) =>
        new(name, ParameterType.Int, dflt, min, null, description);

    private static ModelParameter Unit(string name, double dflt, string description) =>
        new(name, ParameterType.Float, dflt, 0, 1, description);

    private static ModelParameter NonNegative(string name, double dflt, string description) =>
        new(name, ParameterType.Float, dflt, 0, null, description);
}
