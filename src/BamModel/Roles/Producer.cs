namespace BamModel.Roles;

/// <summary>The firm as a producer (bam-model §1.2): one value per firm, indexed by firm id.</summary>
public sealed class Producer
{
    public Producer(int nFirms)
    {
        Count = nFirms;
        Price = new double[nFirms];
        Production = new double[nFirms];
        ProductionPrev = new double[nFirms];
        Inventory = new double[nFirms];
        ExpectedDemand = new double[nFirms];
        DesiredProduction = new double[nFirms];
        LaborProductivity = new double[nFirms];
        BreakevenPrice = new double[nFirms];
        Shock = new double[nFirms];
    }

    public int Count { get; }

    /// <summary>P_i. Written by FirmsPlanPrice and by SpawnReplacementFirms (entrants).</summary>
    public double[] Price { get; }

    /// <summary>Y_i of this period. Zeroed by FirmsDecideDesiredProduction, set by FirmsRunProduction and at entry.</summary>
    public double[] Production { get; }

    /// <summary>Last realised production: the planning signal and the ghost-firm test. Written by FirmsRunProduction and at entry.</summary>
    public double[] ProductionPrev { get; }

    /// <summary>Unsold goods S_i. Overwritten with production by FirmsRunProduction, reduced by GoodsMarketRound, 0 at entry.</summary>
    public double[] Inventory { get; }

    /// <summary>D^e_i (equals desired production). Written by FirmsDecideDesiredProduction; 0 at entry.</summary>
    public double[] ExpectedDemand { get; }

    /// <summary>Y^d_i. Written by FirmsDecideDesiredProduction; 0 at entry.</summary>
    public double[] DesiredProduction { get; }

    /// <summary>Output per worker. Constant in the baseline; grows under R&amp;D. Never reset, not even at entry.</summary>
    public double[] LaborProductivity { get; }

    /// <summary>P^b_i, the price floor. Written by FirmsPlanBreakevenPrice; not reset at entry.</summary>
    public double[] BreakevenPrice { get; }

    // Scratch: not model state.

    /// <summary>This period's production, price or wage shock, one per firm; reused by #1, #3 and #9.</summary>
    public double[] Shock { get; }
}
