using BamModel.Recording;
using BamModel.Roles;

namespace BamModel;

/// <summary>
/// One BAM economy: the roles (parallel arrays per agent kind), the loan book, the economy-wide state and the
/// random generator, all allocated here, once. <see cref="Step"/> runs one period (<see cref="Pipeline"/>) and
/// allocates nothing. Initial conditions follow bam-model §4. Not thread-safe; one instance per run.
/// </summary>
public sealed class Simulation
{
    public Simulation(SimulationConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        Config = config;
        int nf = config.NFirms, nh = config.NHouseholds, nb = config.NBanks;
        var wageBill = new double[nf];
        var totalFunds = new double[nf];
        Producer = new Producer(nf);
        Employer = new Employer(nf, nh, wageBill, totalFunds);
        Borrower = new Borrower(nf, config.MaxH, wageBill, totalFunds);
        Worker = new Worker(nh, nf, config.MaxM);
        Consumer = new Consumer(nh, nf, config.MaxZ);
        Shareholder = new Shareholder(nh);
        Lender = new Lender(nb);
        Economy = new Economy(nf, nb, nh, config.MinWageRevPeriod);
        RnD = new RnD(nf);
        BufferStock = new BufferStock(nh);
        LoanBook = new LoanBook(nf, config.MaxH);
        Rng = new Rng(config.Seed);
        Initialise();
    }

    public SimulationConfig Config { get; }

    /// <summary>The period counter t: 0 before the first step; <see cref="Step"/> increments it first.</summary>
    public int Period { get; private set; }

    /// <summary>True once every firm or every bank failed in one period; stop stepping then.</summary>
    public bool Collapsed => Economy.Collapsed;

    public Producer Producer { get; }
    public Employer Employer { get; }
    public Borrower Borrower { get; }
    public Worker Worker { get; }
    public Consumer Consumer { get; }
    public Shareholder Shareholder { get; }
    public Lender Lender { get; }
    public Economy Economy { get; }

    /// <summary>R&amp;D state; all zero and untouched unless <see cref="SimulationConfig.EnableRnD"/>.</summary>
    public RnD RnD { get; }

    /// <summary>Buffer-stock state; all zero and untouched unless <see cref="SimulationConfig.EnableBufferStock"/>.</summary>
    public BufferStock BufferStock { get; }

    public LoanBook LoanBook { get; }

    public Rng Rng { get; }

    /// <summary>Receives the values validation records, at their capture points; null records nothing.</summary>
    internal SeriesRecorder? Recorder { get; set; }

    /// <summary>Runs one period: t += 1, then the whole pipeline.</summary>
    public void Step()
    {
        Period++;
        Pipeline.RunPeriod(this);
    }

    private void Initialise()
    {
        SimulationConfig c = Config;
        double productionInit = c.NHouseholds * c.LaborProductivity / c.NFirms;
        double netWorth = double.IsNaN(c.NetWorthInit) ? productionInit * c.PriceInit * c.NetWorthRatio : c.NetWorthInit;
        double wageOffer = c.PriceInit / 3.0;
        Producer.Price.AsSpan().Fill(c.PriceInit);
        Producer.ProductionPrev.AsSpan().Fill(productionInit);
        Producer.ExpectedDemand.AsSpan().Fill(1.0);
        Producer.LaborProductivity.AsSpan().Fill(c.LaborProductivity);
        Producer.BreakevenPrice.AsSpan().Fill(c.PriceInit);
        Borrower.NetWorth.AsSpan().Fill(netWorth);
        Borrower.TotalFunds.AsSpan().Fill(netWorth);
        Employer.WageOffer.AsSpan().Fill(wageOffer);
        Consumer.Savings.AsSpan().Fill(c.SavingsInit);
        Lender.EquityBase.AsSpan().Fill(c.EquityBaseInit);
        Economy.AppendPrice(c.PriceInit);
        Economy.AppendInflation(0.0);
        Economy.MinWage = wageOffer * c.MinWageRatio;
    }
}
