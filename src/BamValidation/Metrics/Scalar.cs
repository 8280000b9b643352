namespace BamValidation.Metrics;

/// <summary>
/// The computed scalars a metric spec can read (validation.md §9, §10.1, §11.1). The original's field name is the
/// snake_case form of the member name (<see cref="ScalarNames"/>). Members marked "not scored" are computed for
/// completeness but read by no spec.
/// </summary>
public enum Scalar
{
    // ---- Time series -------------------------------------------------------------------------------
    UnemploymentMean,
    UnemploymentStd,
    UnemploymentMax,
    UnemploymentPctAboveFloor,
    UnemploymentPctBelowCeiling,
    InflationMean,
    InflationStd,
    InflationMax,
    InflationMin,
    InflationPctInBounds,
    RealWageMean,
    RealWageStd,
    AvgProductivityMean,
    AvgProductivityStd,
    WageToProductivityRatio,
    VacancyRateMean,
    VacancyRatePctInBounds,
    LogGdpMean,
    LogGdpTrendCoefficient,
    LogGdpTotalGrowth,

    // ---- Curves ------------------------------------------------------------------------------------
    PhillipsCorr,
    OkunCorr,
    OkunRSquared,
    BeveridgeCorr,

    // ---- Firm-size distribution (last period) ------------------------------------------------------
    FirmSizeSkewness,
    FirmSizePctBelowThreshold,
    FirmSizePctBelowMedium,
    FirmSizeTailRatio,

    // ---- Growth ------------------------------------------------------------------------------------
    TotalProductivityGrowth,
    TotalRealWageGrowth,
    ProductivityTrendCoefficient,
    ProductivityWageCorrelation,
    WageProductivityRatioMean,
    WageProductivityRatioStd,
    NRecessions,
    AvgRecessionLength,

    // ---- Financial ---------------------------------------------------------------------------------
    BankruptciesMean,
    RealInterestRateMean,
    RealInterestRateStd,
    RealInterestRatePctInBounds,
    AvgFragilityMean,
    FinancialFragilityCv,
    FragilityGdpCorrelation,
    PriceRatioMean,
    PriceRatioCv,

    /// <summary>The 1st percentile of the price ratio, not its minimum (validation.md §13 item 3).</summary>
    PriceRatioMin,
    PriceRatioP5,
    PriceRatioGdpCorrelation,
    PriceDispersionMean,
    PriceDispersionStd,
    PriceDispersionGdpCorrelation,
    EquityDispersionMean,
    EquityDispersionCv,
    EquityDispersionGdpCorrelation,
    SalesDispersionMean,
    SalesDispersionCv,
    SalesDispersionGdpCorrelation,
    MinskyHedgePct,
    MinskyPonziPct,

    /// <summary>Not scored.</summary>
    MinskySpeculativePct,

    // ---- Growth-rate distributions -----------------------------------------------------------------
    OutputGrowthPctWithinTight,
    OutputGrowthPctWithinNormal,
    OutputGrowthPctOutliers,
    OutputGrowthTentR2,
    OutputGrowthPositiveFrac,
    NetworthGrowthPctWithinTight,
    NetworthGrowthPctWithinNormal,
    NetworthGrowthPctOutliers,
    NetworthGrowthTentR2,

    // ---- Buffer stock: wealth and MPC (last period, employed households) ---------------------------
    SmCcdfR2,
    DagumCcdfR2,
    Gb2CcdfR2,
    BestR2,
    WealthGini,
    WealthSkewness,
    MeanMpc,

    /// <summary>Not scored.</summary>
    StdMpc,
    PctDissaving,
}
