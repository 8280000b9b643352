using static BamModel.Events.Bankruptcy;
using static BamModel.Events.BufferStock;
using static BamModel.Events.CreditMarket;
using static BamModel.Events.Entry;
using static BamModel.Events.GoodsMarket;
using static BamModel.Events.LaborMarket;
using static BamModel.Events.Planning;
using static BamModel.Events.Production;
using static BamModel.Events.Revenue;
using static BamModel.Events.RnD;

namespace BamModel;

/// <summary>
/// One period in the fixed order of bam-model §2.0 (bamengine default_pipeline.yml), with the extension hooks of
/// §3: R&amp;D inserts three events between #31 and #32; buffer-stock replaces #25 and #26. The recorder is called
/// at the capture points of validation.md §7 ("after event X" = after the first repetition).
/// </summary>
// WARNING: the order of these calls is the model. It also fixes the random-draw order (bam-model Appendix A).
internal static class Pipeline
{
    public static void RunPeriod(Simulation sim)
    {
        SimulationConfig c = sim.Config;
        var prod = sim.Producer;
        var emp = sim.Employer;
        var bor = sim.Borrower;
        var wrk = sim.Worker;
        var con = sim.Consumer;
        var len = sim.Lender;
        var eco = sim.Economy;
        var book = sim.LoanBook;
        var rng = sim.Rng;
        var rec = sim.Recorder;

        // ---- Phase 1: planning -----------------------------------------------------------------------------
        FirmsDecideDesiredProduction(prod, eco.AvgMktPrice, c.HRho, rng);                      // #1
        FirmsPlanBreakevenPrice(prod, emp, book, c.CapFactor);                                  // #2
        FirmsPlanPrice(prod, eco.AvgMktPrice, c.HEta, rng);                                     // #3
        FirmsDecideDesiredLabor(prod, emp);                                                     // #4
        FirmsDecideVacancies(emp);                                                              // #5
        rec?.AfterFirmsDecideVacancies();
        FirmsFireExcessWorkers(emp, wrk, rng);                                                  // #6

        // ---- Phase 2: labour market ------------------------------------------------------------------------
        CalcInflationRate(eco);                                                                 // #7
        AdjustMinimumWage(eco, wrk);                                                            // #8
        FirmsDecideWageOffer(emp, eco.MinWage, c.HXi, rng);                                     // #9
        WorkersDecideFirmsToApply(wrk, emp, c.JobSearchMethod, rng);                            // #10
        for (int round = 0; round < c.MaxM; round++)
        {
            LaborMarketRound(wrk, emp, c.Theta, rng);                                           // #11 × max_M
        }

        FirmsCalcWageBill(emp, wrk);                                                            // #12

        // ---- Phase 3: credit market ------------------------------------------------------------------------
        BanksDecideCreditSupply(len, c.V);                                                      // #13
        BanksDecideInterestRate(len, c.RBar, c.HPhi, rng);                                      // #14
        FirmsDecideCreditDemand(bor);                                                           // #15
        FirmsCalcFinancialFragility(bor, c.MaxLeverage);                                        // #16
        FirmsPrepareLoanApplications(bor, len, book, rng);                                      // #17
        for (int round = 0; round < c.MaxH; round++)
        {
            CreditMarketRound(bor, len, book, c.RBar, c.MaxLoanToNetWorth, c.MaxLeverage);      // #18 × max_H
            if (round == 0)
            {
                rec?.AfterFirstCreditMarketRound();
            }
        }

        FirmsFireWorkers(emp, wrk, rng);                                                        // #19

        // ---- Phase 4: production ---------------------------------------------------------------------------
        FirmsPayWages(emp);                                                                     // #20
        WorkersReceiveWage(wrk, con);                                                           // #21
        FirmsRunProduction(prod, emp);                                                          // #22
        rec?.AfterFirmsRunProduction();
        UpdateAvgMktPrice(prod, eco);                                                           // #23
        WorkersUpdateContracts(wrk, emp);                                                       // #24

        // ---- Phase 5: goods market -------------------------------------------------------------------------
        if (c.EnableBufferStock)
        {
            ConsumersCalcBufferStockPropensity(sim.BufferStock, con, c.BufferStockH);           // #25 (buffer-stock)
            rec?.AfterBufferStockPropensity();
            ConsumersDecideBufferStockSpending(sim.BufferStock, con);                           // #26 (buffer-stock)
        }
        else
        {
            ConsumersCalcPropensity(con, c.Beta);                                               // #25
            ConsumersDecideIncomeToSpend(con);                                                  // #26
        }

        rec?.AfterConsumersDecideIncomeToSpend();
        ConsumersDecideFirmsToVisit(con, prod, c.ConsumerMatching, rng);                        // #27
        GoodsMarketRound(con, prod, rng);                                                       // #28
        ConsumersFinalizePurchases(con);                                                        // #29
        rec?.AfterConsumersFinalizePurchases();

        // ---- Phase 6: revenue ------------------------------------------------------------------------------
        FirmsCollectRevenue(prod, bor);                                                         // #30
        rec?.AfterFirmsCollectRevenue();
        FirmsValidateDebtCommitments(bor, len, book);                                           // #31
        if (c.EnableRnD)
        {
            FirmsComputeRnDIntensity(sim.RnD, bor, prod, c.SigmaMin, c.SigmaMax, c.SigmaDecay); // R&D 1
            FirmsApplyProductivityGrowth(sim.RnD, prod, rng);                                   // R&D 2
            rec?.AfterFirmsApplyProductivityGrowth();
            FirmsDeductRnDExpenditure(sim.RnD, bor);                                            // R&D 3
        }

        FirmsPayDividends(bor, con, sim.Shareholder, c.Delta);                                  // #32

        // ---- Phase 7: bankruptcy ---------------------------------------------------------------------------
        FirmsUpdateNetWorth(bor);                                                               // #33
        MarkBankruptFirms(bor, prod, emp, wrk, book, eco);                                      // #34
        MarkBankruptBanks(len, book, eco);                                                      // #35

        // ---- Phase 8: entry --------------------------------------------------------------------------------
        SpawnReplacementFirms(prod, emp, bor, wrk, eco,                                         // #36
            c.NewFirmSizeFactor, c.NewFirmProductionFactor, c.NewFirmWageFactor, c.NewFirmPriceMarkup);
        SpawnReplacementBanks(len, eco, rng);                                                   // #37

        rec?.EndOfPeriod();
    }
}
