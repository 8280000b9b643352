using System.Text.Json;
using SweepDomain.Evaluation;

namespace SweepHosting.Evaluation.Protocol;

/// <summary>
/// The user's model as the sweep's evaluator: <see cref="ProcessEvaluatorOptions.Workers"/> long-lived processes
/// speaking the evaluator protocol (docs/evaluator-protocol.md). A batch is cut into chunks that idle workers take in
/// turn; each answer is matched to its request by id, so a result never depends on which worker ran it or when.
/// When a worker crashes, hangs past the time limit or breaks the protocol, it is killed and replaced, the evaluation it
/// was on is run again while the retry budget lasts and is otherwise recorded as failed (score 0, not passed) with its
/// reason and the tail of the model's stderr; the rest of its chunk goes back to the queue. Cancelling kills every worker.
/// </summary>
public sealed class ProcessEvaluator : IEvaluator, IAsyncDisposable
{
    private readonly ProcessEvaluatorOptions _options;
    private readonly EvaluatorWorker?[] _workers;
    private readonly object _gate = new();
    private long _nextId;
    private int _stageEvaluations;
    private int _stageFailures;
    private bool _anySucceeded;
    private int _failuresBeforeFirstSuccess;
    private double _secondsPerEvaluation;   // the last whole chunk's answer time per evaluation (0 before one), sizing the next chunks

    private ProcessEvaluator(ProcessEvaluatorOptions options, DescribeAnswer description, EvaluatorWorker first, Action<EvaluationRequest, EvaluationScore>? onEvaluated)
    {
        _options = options;
        OnEvaluated = onEvaluated;
        Description = description;
        Identity = new EvaluatorIdentity(description.Name, description.Version);
        Catalog = new DescribedCatalog(ProtocolTranslation.ToSchemas(description));
        _workers = new EvaluatorWorker?[Math.Max(1, options.Workers)];
        _workers[0] = first;
    }

    public DescribeAnswer Description { get; }

    /// <summary>Hears each evaluation as it is recorded (from the workers' threads), for progress views.</summary>
    public Action<EvaluationRequest, EvaluationScore>? OnEvaluated { get; set; }

    public EvaluatorIdentity Identity { get; }

    /// <summary>The scenarios the model described, for validating stages before any work.</summary>
    public DescribedCatalog Catalog { get; }

    public int Workers => _workers.Length;

    public EvaluatorCommand Command => _options.Command;

    /// <summary>Evaluations run again after a worker failed; counted apart from the sweep's evaluations.</summary>
    public int Retries { get; private set; }

    /// <summary>Workers started to replace one that failed.</summary>
    public int Restarts { get; private set; }

    /// <summary>Pids of the worker processes now running (for tests and logs).</summary>
    public IReadOnlyList<int> ProcessIds
    {
        get
        {
            lock (_gate)
            {
                return _workers.OfType<EvaluatorWorker>().Where(w => !w.HasExited).Select(w => w.ProcessId).ToList();
            }
        }
    }

    /// <summary>
    /// Starts the first worker and asks it to describe the model; a command that cannot start, answers late or not in
    /// the protocol throws <see cref="EvaluatorStartException"/> (a describe that is malformed: <see cref="FormatException"/>).
    /// </summary>
    public static async Task<ProcessEvaluator> StartAsync(ProcessEvaluatorOptions options, CancellationToken cancellationToken, Action<EvaluationRequest, EvaluationScore>? onEvaluated = null)
    {
        var worker = EvaluatorWorker.Start(options.Command);
        try
        {
            var description = await worker.DescribeAsync(options.StartTimeout, cancellationToken);
            return new ProcessEvaluator(options, description, worker, onEvaluated);
        }
        catch
        {
            worker.Dispose();
            throw;
        }
    }

    public async Task<IReadOnlyList<EvaluationScore>> EvaluateAsync(IReadOnlyList<EvaluationRequest> requests, EvaluationPhase phase, CancellationToken cancellationToken)
    {
        if (phase == EvaluationPhase.Screening)
        {
            _stageEvaluations = 0;
            _stageFailures = 0;
        }

        var scores = new EvaluationScore?[requests.Count];
        var queue = new LinkedList<Pending>(Enumerable.Range(0, requests.Count).Select(i => new Pending(i, 0)));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var killOnCancel = stop.Token.Register(KillAll);
        var loops = Enumerable.Range(0, Math.Min(_workers.Length, requests.Count))
            .Select(slot => Task.Run(() => RunSlotAsync(slot, requests, scores, queue, stop), CancellationToken.None))
            .ToList();
        try
        {
            await Task.WhenAll(loops);
        }
        catch (Exception) when (stop.IsCancellationRequested)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var stopped = loops.Where(t => t.IsFaulted).SelectMany(t => t.Exception!.InnerExceptions).OfType<EvaluatorFailedException>().FirstOrDefault();
            if (stopped is not null)
            {
                throw stopped;
            }

            throw;
        }

        _stageEvaluations += requests.Count;
        if (_stageEvaluations >= ProcessEvaluatorOptions.FailureShareMinimum && _stageFailures > _options.MaxFailureShare * _stageEvaluations)
        {
            var last = scores.Last(s => s!.Failure is not null)!.Failure!;
            throw new EvaluatorFailedException(
                $"{_stageFailures} of the stage's {_stageEvaluations} evaluations failed, more than the {_options.MaxFailureShare:P0} allowed; the stage stops. " +
                $"Last failure: {Describe(last)}");
        }

        return scores.Select(s => s!).ToList();
    }

    private async Task RunSlotAsync(int slot, IReadOnlyList<EvaluationRequest> requests, EvaluationScore?[] scores, LinkedList<Pending> queue, CancellationTokenSource stop)
    {
        while (true)
        {
            stop.Token.ThrowIfCancellationRequested();
            List<Pending> chunk;
            lock (queue)
            {
                chunk = [];
                int chunkSize = ChunkSizing.Next(queue.Count, _workers.Length, Volatile.Read(ref _secondsPerEvaluation));
                while (chunk.Count < chunkSize && queue.First is { } node)
                {
                    chunk.Add(node.Value);
                    queue.RemoveFirst();
                }
            }

            if (chunk.Count == 0)
            {
                return;
            }

            var (done, failure) = await RunChunkAsync(slot, chunk.Select(p => requests[p.Index]).ToList(), stop.Token);
            for (int i = 0; i < done.Count; i++)
            {
                Record(requests[chunk[i].Index], chunk[i].Index, done[i], scores, stop);
            }

            if (failure is null)
            {
                continue;
            }

            // The evaluation the worker was on when it failed is retried (while the budget lasts) or recorded; the rest
            // of the chunk never started and goes back to the front of the queue.
            var failed = chunk[done.Count];
            var rest = chunk.Skip(done.Count + 1).ToList();
            bool retry = Retriable(failure.Kind) && failed.Attempts == 0 && TakeRetry();
            lock (queue)
            {
                for (int i = rest.Count - 1; i >= 0; i--)
                {
                    queue.AddFirst(rest[i]);
                }

                if (retry)
                {
                    queue.AddFirst(failed with { Attempts = failed.Attempts + 1 });
                }
            }

            if (!retry)
            {
                Record(requests[failed.Index], failed.Index, EvaluationScore.Failed(failure), scores, stop);
            }
        }
    }

    /// <summary>
    /// Runs a chunk on the slot's worker (started first if needed): the scores it answered, in order, and the failure
    /// that ended it early, if any. Answers that are failures in themselves (a NaN, a refusal) end nothing.
    /// </summary>
    private async Task<(List<EvaluationScore> Done, EvaluationFailure? Failure)> RunChunkAsync(int slot, IReadOnlyList<EvaluationRequest> chunk, CancellationToken cancellationToken)
    {
        var done = new List<EvaluationScore>();
        EvaluatorWorker worker;
        try
        {
            worker = await WorkerAsync(slot, cancellationToken);
        }
        catch (EvaluatorStartException e)
        {
            return (done, new EvaluationFailure(EvaluationFailure.Crash, $"a new worker did not start: {e.Message}"));
        }

        var ids = chunk.Select(_ => Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        if (!await worker.SendAsync(new EvaluateCommand(chunk.Select((r, i) => ProtocolTranslation.ToItem(ids[i], r)).ToList()), cancellationToken))
        {
            return (done, Replace(slot, worker, EvaluationFailure.Crash, $"the worker stopped reading its input: it {worker.ExitDescription()}"));
        }

        long started = System.Diagnostics.Stopwatch.GetTimestamp();
        for (int i = 0; i < chunk.Count; i++)
        {
            var (outcome, line) = await worker.ReadLineAsync(_options.EvaluationTimeout, cancellationToken);
            switch (outcome)
            {
                case ReadOutcome.TimedOut:
                    return (done, Replace(slot, worker, EvaluationFailure.Timeout, $"no answer within {_options.EvaluationTimeout.TotalSeconds:0.###} s; the worker was killed"));
                case ReadOutcome.Exited:
                    return (done, Replace(slot, worker, EvaluationFailure.Crash, $"the worker {worker.ExitDescription()} during the evaluation"));
            }

            ResultLine? result;
            try
            {
                result = ProtocolMessages.Read<ResultLine>(line!);
            }
            catch (JsonException)
            {
                result = null;
            }

            if (result is null)
            {
                return (done, Replace(slot, worker, EvaluationFailure.Garbage, $"output that is not the protocol: {EvaluatorWorker.Clip(line!)}"));
            }

            var score = ProtocolTranslation.Read(result, ids[i], worker.StderrTail);
            if (score.Failure is { Kind: EvaluationFailure.WrongId or EvaluationFailure.Garbage } broken)
            {
                return (done, Replace(slot, worker, broken.Kind, broken.Reason));
            }

            done.Add(score);
        }

        Volatile.Write(ref _secondsPerEvaluation, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds / chunk.Count);
        return (done, null);
    }

    private async Task<EvaluatorWorker> WorkerAsync(int slot, CancellationToken cancellationToken)
    {
        if (_workers[slot] is { } running)
        {
            return running;
        }

        var worker = EvaluatorWorker.Start(_options.Command);
        lock (_gate)
        {
            _workers[slot] = worker;
        }

        try
        {
            var description = await worker.DescribeAsync(_options.StartTimeout, cancellationToken);
            if (description.Name != Identity.Name || description.Version != Identity.Version)
            {
                throw new EvaluatorStartException($"A new worker describes itself as {description.Name} {description.Version}, not {Identity}.");
            }

            return worker;
        }
        catch
        {
            Drop(slot, worker);
            throw;
        }
    }

    /// <summary>Kills a failed worker (its slot starts a new one when next needed) and names the failure, with its stderr.</summary>
    private EvaluationFailure Replace(int slot, EvaluatorWorker worker, string kind, string reason)
    {
        worker.Kill();
        worker.Dispose();
        var failure = new EvaluationFailure(kind, reason, worker.StderrTail());
        Drop(slot, worker);
        lock (_gate)
        {
            Restarts++;
        }

        return failure;
    }

    private void Drop(int slot, EvaluatorWorker worker)
    {
        lock (_gate)
        {
            if (_workers[slot] == worker)
            {
                _workers[slot] = null;
            }
        }

        worker.Dispose();
    }

    private void Record(EvaluationRequest request, int index, EvaluationScore score, EvaluationScore?[] scores, CancellationTokenSource stop)
    {
        scores[index] = score;
        lock (_gate)
        {
            if (score.Failure is null)
            {
                _anySucceeded = true;
            }
            else
            {
                _stageFailures++;
                if (!_anySucceeded && ++_failuresBeforeFirstSuccess >= _options.MaxFirstFailures)
                {
                    stop.Cancel();
                    throw new EvaluatorFailedException(
                        $"The first {_failuresBeforeFirstSuccess} evaluations all failed: the model does not seem to run. Last failure: {Describe(score.Failure)}");
                }
            }
        }

        OnEvaluated?.Invoke(request, score);
    }

    private bool TakeRetry()
    {
        lock (_gate)
        {
            if (Retries >= _options.RetryBudget)
            {
                return false;
            }

            Retries++;
            return true;
        }
    }

    private static bool Retriable(string kind) => kind is EvaluationFailure.Crash or EvaluationFailure.Timeout or EvaluationFailure.Garbage or EvaluationFailure.WrongId;

    private static string Describe(EvaluationFailure f) =>
        $"{f.Kind}: {f.Reason}" + (f.StderrTail is { } tail ? $"\nThe model's stderr ended with:\n{tail}" : "");

    private void KillAll()
    {
        lock (_gate)
        {
            foreach (var worker in _workers)
            {
                worker?.Kill();
            }
        }
    }

    /// <summary>Ends every worker: closes its input, and kills it if it has not exited a second later.</summary>
    public async ValueTask DisposeAsync()
    {
        EvaluatorWorker[] workers;
        lock (_gate)
        {
            workers = _workers.OfType<EvaluatorWorker>().ToArray();
            Array.Clear(_workers);
        }

        await Task.WhenAll(workers.Select(w => w.StopAsync(TimeSpan.FromSeconds(1))));
        foreach (var worker in workers)
        {
            worker.Dispose();
        }
    }

    private readonly record struct Pending(int Index, int Attempts);
}
