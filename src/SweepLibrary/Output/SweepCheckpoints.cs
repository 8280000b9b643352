using System.Text.Json;
using SweepDomain;
using SweepDomain.Results;
using SweepDomain.Sweep;

namespace SweepLibrary.Output;

/// <summary>
/// What <c>--resume</c> needs, kept beside a sweep's result files in <c>{scenario}_sweep_resume/</c>: the
/// <see cref="ResumeRequest"/> (<c>request.json</c>, written when the sweep starts) and, for every finished stage,
/// <c>stage_N.json</c>: its outcome, its wall time, and every score it evaluated (which later stages reuse). The
/// seed-compatible files are left as they are; these are written beside them, each through a temporary file.
/// </summary>
public sealed class SweepCheckpoints(OutputFolder folder, string scenario)
{
    private const string RequestFile = "request.json";
    private static readonly JsonSerializerOptions Json = new(SweepReport.JsonOptions) { WriteIndented = false };
    private readonly OutputFolder _state = new(Path.Combine(folder.FullPath, ResultFolderName(scenario)));

    /// <summary>The folder's name, inside the output folder.</summary>
    public static string ResultFolderName(string scenario) => $"{scenario}_sweep_resume";

    /// <summary>
    /// The finished stages <paramref name="request"/> can resume from: none when the folder holds no request, else the
    /// leading stages whose checkpoints belong to this very request. <see cref="ResumePoint.Differences"/> lists how
    /// the folder's request differs, when it does; then nothing is reused.
    /// </summary>
    public ResumePoint Find(ResumeRequest request)
    {
        string path = Path.Combine(_state.FullPath, RequestFile);
        if (!File.Exists(path))
        {
            return ResumePoint.Nothing;
        }

        if (ResumeRequest.Parse(File.ReadAllText(path)) is not { } saved)
        {
            return ResumePoint.Nothing with { HasRequest = true, Differences = [$"the folder's request ({path}) cannot be read; it was written by another version of this tool"] };
        }

        if (request.Differences(saved) is { Count: > 0 } differences)
        {
            return ResumePoint.Nothing with { HasRequest = true, Differences = differences };
        }

        string fingerprint = request.Fingerprint();
        var checkpoints = new List<StageCheckpoint>();
        for (int i = 0; i < request.Plan.Stages.Count; i++)
        {
            string file = Path.Combine(_state.FullPath, StageFile(i));
            var checkpoint = File.Exists(file) ? Read(file) : null;
            if (checkpoint is null || checkpoint.Request != fingerprint || checkpoint.Outcome.Result.Label != request.Plan.Stages[i].Label)
            {
                break;
            }

            checkpoints.Add(checkpoint);
        }

        var scores = checkpoints.SelectMany(c => c.Scores).ToList();
        var failures = FailedEvaluation.Among(scores).ToList();
        return new ResumePoint(
            new SweepResume(checkpoints.Select(c => c.Outcome).ToList(), scores, failures),
            checkpoints.ToDictionary(c => ResultText.StageTiming(c.Outcome.Result.Label), c => c.Seconds),
            true,
            []);
    }

    /// <summary>
    /// Where a sweep of <paramref name="request"/> starts. With <paramref name="resume"/>: after the finished stages of
    /// this very request; a folder holding another request is refused (<see cref="InvalidSweepInputException"/> naming
    /// what differs, nothing touched), and one holding none runs from the first stage with a warning. Without it: from
    /// the first stage, with a warning when the folder holds finished stages that are run again or another sweep's
    /// files. Unless it resumes, the folder's checkpoints are cleared and the request saved.
    /// </summary>
    /// <param name="request">The sweep about to run.</param>
    /// <param name="resume">Whether to reuse the folder's finished stages.</param>
    /// <param name="option">The option's name as the caller's user writes it (<c>--resume</c>), for the messages.</param>
    /// <param name="warn">Hears the warnings.</param>
    public ResumePoint Begin(ResumeRequest request, bool resume, string option, Action<string> warn)
    {
        var found = Find(request);
        if (resume && found.Differences.Count > 0)
        {
            var errors = new ValidationErrors();
            errors.Add(option, $"{folder.FullPath} holds another sweep, so nothing of this one can be resumed there: {string.Join("; ", found.Differences)}. " +
                               $"Give the same settings as that sweep, or leave out {option} to start this one afresh (it overwrites the files of stages with the same labels).");
            throw new InvalidSweepInputException(errors);
        }

        int finished = found.Resume.Stages.Count;
        if (resume && finished == 0)
        {
            warn(found.HasRequest
                ? $"{option}: no stage of this sweep had finished in {folder.FullPath}; running from the first stage."
                : $"{option}: {folder.FullPath} holds no sweep to resume; running from the first stage.");
        }
        else if (!resume && found.Differences.Count > 0)
        {
            warn($"{folder.FullPath} holds the files of another sweep ({found.Differences[0]}); this sweep overwrites the files of stages with the same labels as they end.");
        }
        else if (!resume && finished > 0)
        {
            warn($"{folder.FullPath} holds {finished} finished stage{(finished == 1 ? "" : "s")} of this same sweep; they are run again. Add {option} to keep them.");
        }

        if (resume && finished > 0)
        {
            return found;
        }

        Start(request);
        return ResumePoint.Nothing;
    }

    /// <summary>A sweep starts afresh: earlier stage checkpoints go, and <paramref name="request"/> is saved.</summary>
    private void Start(ResumeRequest request)
    {
        _state.Create();
        foreach (string stale in Directory.EnumerateFiles(_state.FullPath, "stage_*.json"))
        {
            File.Delete(stale);
        }

        _state.WriteText(RequestFile, request.ToJson());
    }

    /// <summary>Saves a finished stage: its outcome, wall time and the scores it evaluated.</summary>
    public void Save(ResumeRequest request, StageOutcome outcome, double seconds, IReadOnlyList<ScoredRequest> scores) =>
        _state.WriteText(StageFile(outcome.Index), JsonSerializer.Serialize(new StageCheckpoint(request.Fingerprint(), outcome, seconds, scores), Json));

    private static string StageFile(int index) => $"stage_{index + 1}.json";

    private static StageCheckpoint? Read(string file)
    {
        try
        {
            return JsonSerializer.Deserialize<StageCheckpoint>(File.ReadAllText(file), Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>One finished stage as saved: the request it belongs to (<see cref="ResumeRequest.Fingerprint"/>), its outcome, time and scores.</summary>
    private sealed record StageCheckpoint(string Request, StageOutcome Outcome, double Seconds, IReadOnlyList<ScoredRequest> Scores);
}

/// <summary>
/// Where a sweep can resume: the finished stages to reuse (<see cref="SweepResume"/>) and their recorded times;
/// <see cref="HasRequest"/> is false when the folder holds no sweep request at all; <see cref="Differences"/> is
/// non-empty when it holds another request's.
/// </summary>
public sealed record ResumePoint(SweepResume Resume, IReadOnlyDictionary<string, double> Timings, bool HasRequest, IReadOnlyList<string> Differences)
{
    /// <summary>Nothing to resume: no stage reused.</summary>
    public static readonly ResumePoint Nothing = new(new SweepResume([], [], []), new Dictionary<string, double>(), false, []);
}
