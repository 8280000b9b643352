using SweepDomain.Requests;
using SweepHosting.Api;
using SweepLibrary.Output;

namespace SweepCli.Remote;

/// <summary>Starts a sweep on the service and, with <c>--wait</c>, follows it to the end and fetches its results.</summary>
internal sealed class RemoteSubmit(SweepApiClient client, CliOutput cli, TimeProvider clock)
{
    /// <summary>
    /// Sends the request; returns the sweep id the service gave it. What is printed is the id and the status route
    /// only: nothing the service answers that could carry a key ends up on the screen or in a log.
    /// </summary>
    public async Task<string> StartAsync(SweepRequest request, CancellationToken cancellationToken)
    {
        var accepted = await client.StartAsync(SweepRequestJson.ToJson(request), request.InstanceId, cancellationToken);
        string id = accepted.Id;
        if (cli.Json && !Waiting)
        {
            cli.WriteJson(new { status = "submitted", id, sweepStatusUri = accepted.SweepStatusUri });
        }
        else if (!cli.Quiet || !Waiting)
        {
            var w = cli.Json ? cli.Console.Error : cli.Console.Out;
            w.WriteLine($"Submitted sweep {id}");
            w.WriteLine($"  status: {accepted.SweepStatusUri}");
            w.WriteLine($"  follow: sweep status {id}   results: sweep fetch {id} --output <folder>   stop: sweep cancel {id}");
        }

        return id;
    }

    /// <summary>Set before <see cref="StartAsync"/> when the caller will wait (then only the final document is JSON).</summary>
    public bool Waiting { get; init; }

    /// <summary>
    /// Polls until the sweep ends, printing each change of progress and each newly finished stage; then fetches the
    /// results. Ctrl-C stops the waiting only: the sweep keeps running on the service.
    /// </summary>
    public async Task<int> WaitAndFetchAsync(string id, TimeSpan interval, OutputFolder folder, string? scenario, CancellationToken cancellationToken)
    {
        var log = cli.ProgressWriter;
        string? lastProgress = null;
        int stagesSeen = 0;
        SweepStatusView sweep;
        try
        {
            while (true)
            {
                try
                {
                    sweep = await client.GetAsync(id, cancellationToken);
                }
                catch (RemoteException e)
                {
                    throw new RemoteException($"{e.Message.TrimEnd('.')}. Stopped waiting; sweep {id} may still be running on the service: 'sweep status {id}', 'sweep fetch {id}'.", e);
                }

                string progress = $"[{sweep.RuntimeStatus}] {sweep.Progress?.Describe() ?? "waiting to start"}";
                if (progress != lastProgress)
                {
                    log.WriteLine(progress);
                    lastProgress = progress;
                }

                foreach (var stage in sweep.Stages.Skip(stagesSeen))
                {
                    log.WriteLine($"  Stage {stage.Label} finished: combined={stage.CombinedScore:F4} mean={stage.MeanScore:F4} pass={ResultText.Pct(stage.PassRate ?? 0)} {stage.Params}");
                }

                stagesSeen = Math.Max(stagesSeen, sweep.Stages.Count);
                if (sweep.IsFinished)
                {
                    break;
                }

                await Task.Delay(interval, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            cli.Cancelled($"Stopped waiting. Sweep {id} keeps running on the service: 'sweep status {id}', 'sweep fetch {id}', 'sweep cancel {id}'.");
            return ExitCodes.Cancelled;
        }

        var result = await new ResultFetcher(client, cli.Warn, clock).FetchAsync(id, folder, scenario ?? SweepRequestValidator.DefaultScenario, cancellationToken, sweep);
        RemoteText.Fetched(result, folder, cli);
        if (sweep.IsCompleted)
        {
            return ExitCodes.Ok;
        }

        cli.Console.Error.WriteLine($"error: {RemoteText.Ended(sweep)}");
        return ExitCodes.Failure;
    }
}
