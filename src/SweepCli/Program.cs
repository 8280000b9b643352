using System.Runtime.InteropServices;
using BamScenarios;
using SweepCli;

// Composition root: the real BAM model and validator. Tests run SweepApp with the test kit instead.
var evaluator = new BamScenarioEvaluator();
var services = new CliServices(new BamScenarioCatalog(), evaluator, new BamMetricEvaluator(evaluator));

// Ctrl-C (and SIGTERM) cancel the command cleanly; a second Ctrl-C ends the process at once.
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = !cancel.IsCancellationRequested;
    cancel.Cancel();
};
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    cancel.Cancel();
});

return await SweepApp.RunAsync(args, services, CliConsole.FromSystemConsole(), cancel.Token);
