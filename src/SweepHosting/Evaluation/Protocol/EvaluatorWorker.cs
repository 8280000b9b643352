using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace SweepHosting.Evaluation.Protocol;

/// <summary>
/// One long-lived model process speaking the protocol on stdin/stdout; its stderr is the model's log, of which the
/// last lines are kept for failure reports. Every read has a deadline: past it the process is killed, so nothing
/// waits on a hung model. A worker that failed once is killed and never reused.
/// </summary>
public sealed class EvaluatorWorker : IDisposable
{
    private const int TailLines = 20;
    private const int TailLineChars = 400;

    private readonly Process _process;
    private readonly Queue<string> _stderr = new();
    private Task<string?>? _pendingRead;
    private bool _disposed;

    private EvaluatorWorker(Process process)
    {
        _process = process;
    }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the process; a command that cannot start throws <see cref="EvaluatorStartException"/>.</summary>
    public static EvaluatorWorker Start(EvaluatorCommand command)
    {
        var info = new ProcessStartInfo(command.FileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (string argument in command.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = info };
        var worker = new EvaluatorWorker(process);
        process.ErrorDataReceived += (_, e) => worker.OnStderr(e.Data);
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            process.Dispose();
            throw new EvaluatorStartException($"Cannot start the evaluator '{command}': {e.Message}");
        }

        process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>The last lines the model wrote to stderr, or null when it wrote none.</summary>
    public string? StderrTail()
    {
        lock (_stderr)
        {
            return _stderr.Count == 0 ? null : string.Join('\n', _stderr);
        }
    }

    /// <summary>Writes one message as a line; false when the process no longer reads its input.</summary>
    public async Task<bool> SendAsync<T>(T message, CancellationToken cancellationToken)
    {
        try
        {
            await _process.StandardInput.WriteLineAsync(ProtocolMessages.Line(message).AsMemory(), cancellationToken);
            await _process.StandardInput.FlushAsync(cancellationToken);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>
    /// The next line of output: <see cref="ReadOutcome.Line"/>, or <see cref="ReadOutcome.Exited"/> when the output
    /// ended, or <see cref="ReadOutcome.TimedOut"/> after <paramref name="timeout"/> (the process is then killed).
    /// </summary>
    public async Task<(ReadOutcome Outcome, string? Line)> ReadLineAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        _pendingRead ??= _process.StandardOutput.ReadLineAsync();
        var read = _pendingRead;
        var finished = await Task.WhenAny(read, Task.Delay(timeout, cancellationToken));
        cancellationToken.ThrowIfCancellationRequested();
        if (finished != read)
        {
            Kill();
            return (ReadOutcome.TimedOut, null);
        }

        _pendingRead = null;
        string? line = await read;
        if (line is null)
        {
            await WaitForExitAsync(TimeSpan.FromSeconds(2));
            return (ReadOutcome.Exited, null);
        }

        return (ReadOutcome.Line, line);
    }

    /// <summary>How the process ended, for a failure report: its exit code or the signal that ended it.</summary>
    public string ExitDescription()
    {
        if (!_process.HasExited)
        {
            return "closed its output";
        }

        int code = _process.ExitCode;
        return code > 128 ? $"exited with code {code} (signal {code - 128}?)" : $"exited with code {code}";
    }

    /// <summary>Reads and parses the describe answer within <paramref name="timeout"/>.</summary>
    public async Task<DescribeAnswer> DescribeAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!await SendAsync(new DescribeCommand(), cancellationToken))
        {
            throw new EvaluatorStartException($"The evaluator stopped reading before 'describe': it {ExitDescription()}.{TailText()}");
        }

        var (outcome, line) = await ReadLineAsync(timeout, cancellationToken);
        DescribeAnswer? answer = null;
        string problem = outcome switch
        {
            ReadOutcome.TimedOut => $"did not answer 'describe' within {timeout.TotalSeconds:0.###} s (it was killed)",
            ReadOutcome.Exited => $"{ExitDescription()} before answering 'describe'",
            _ => "",
        };
        if (outcome == ReadOutcome.Line)
        {
            try
            {
                answer = JsonSerializer.Deserialize<DescribeAnswer>(line!, ProtocolMessages.Json);
                problem = answer is null || answer.Type != "describe" || answer.Name is null || answer.Scenarios is null
                    ? $"answered 'describe' with something else: {Clip(line!)}"
                    : answer.Protocol != ProtocolMessages.Version ? $"speaks protocol {answer.Protocol}; this sweep speaks {ProtocolMessages.Version}" : "";
            }
            catch (JsonException e)
            {
                problem = $"answered 'describe' with output that is not the protocol ({e.Message}): {Clip(line!)}";
            }
        }

        return problem.Length == 0 ? answer! : throw new EvaluatorStartException($"The evaluator {problem}.{TailText()}");
    }

    /// <summary>Kills the process and everything it started; safe to call more than once.</summary>
    public void Kill()
    {
        if (_disposed)
        {
            return;
        }

        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // already gone
        }
    }

    /// <summary>Closes the input (a well-behaved worker exits on end of input), then kills what is still running after <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
        }

        if (!await WaitForExitAsync(grace))
        {
            Kill();
            await WaitForExitAsync(TimeSpan.FromSeconds(5));
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Kill();
        _process.WaitForExit(5000);
        _process.Dispose();
    }

    public static string Clip(string text) => text.Length <= 200 ? text : text[..200] + "…";

    private string TailText() => StderrTail() is { } tail ? $" Its stderr ended with:\n{tail}" : " It wrote nothing to stderr.";

    private async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private void OnStderr(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_stderr)
        {
            _stderr.Enqueue(line.Length <= TailLineChars ? line : line[..TailLineChars] + "…");
            while (_stderr.Count > TailLines)
            {
                _stderr.Dequeue();
            }
        }
    }
}

public enum ReadOutcome { Line, Exited, TimedOut }

/// <summary>The evaluator could not be started or did not describe itself; the message says why, with its stderr.</summary>
public sealed class EvaluatorStartException(string message) : Exception(message);

/// <summary>Too many evaluations failed: the stage stops, and the message says why, with the last failure and its stderr.</summary>
public sealed class EvaluatorFailedException(string message) : Exception(message);
