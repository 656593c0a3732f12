#include "recoscope/sim/sweep_plan.h"

#include "recoscope/sim/json_reader.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>

#include <set>

namespace recoscope::sim {

namespace {

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

// grid.json values are JSON; the plan keeps each one as the text `--param` would take,
// normalised by the schema (1e1 -> 10, true -> 1) so that "10" and 10 are one value.
core::Result<std::string> gridValue(const core::ParamSpec& spec, const QJsonValue& v) {
    std::string text;
    if (v.isDouble())
        text = core::formatParamValue(v.toDouble());
    else if (v.isBool())
        text = v.toBool() ? "true" : "false";
    else if (v.isString())
        text = v.toString().toStdString();
    else
        return core::Error{"expected a number, a boolean or a string"};
    core::Result<core::ParamValue> parsed = core::parseParamValue(spec, text);
    if (!parsed)
        return core::Error{parsed.error()};
    return core::formatParamValue(parsed.value());
}

QString shellQuote(const QString& s) {
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9_./=:+,-]+$"));
    if (safe.match(s).hasMatch())
        return s;
    QString out = s;
    out.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + out + QLatin1Char('\'');
}

core::Status writeText(const QString& path, const QByteArray& text, bool executable) {
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size() || !f.commit())
        return core::Error{
            QStringLiteral("%1: cannot write: %2").arg(path, f.errorString()).toStdString()};
    if (executable)
        QFile::setPermissions(path, QFile::permissions(path) | QFileDevice::ExeOwner |
                                        QFileDevice::ExeGroup | QFileDevice::ExeOther);
    return core::Ok{};
}

} // namespace

core::Result<SweepPlan> SweepPlan::fromGrid(const QString& gridPath,
                                            const core::RecommenderEntry& entry,
                                            const Scenario& scenario, int seeds,
                                            std::uint64_t firstSeed, RunLimits limits) {
    QFile f(gridPath);
    if (!f.open(QIODevice::ReadOnly))
        return core::Error{QStringLiteral("%1: cannot read the grid: %2")
                               .arg(gridPath, f.errorString())
                               .toStdString()};
    JsonReader reader(gridPath, f.readAll());
    QJsonObject root;
    if (!reader.parse(root))
        return core::Error{reader.errors().join(QLatin1Char('\n')).toStdString()};
    SweepPlan plan;
    plan.m_scenario = scenario;
    plan.m_recommender = entry.id;
    plan.m_limits = limits;
    QStringList errors;
    for (auto it = root.begin(); it != root.end(); ++it) {
        const std::string key = it.key().toStdString();
        const auto spec = std::find_if(entry.params.begin(), entry.params.end(),
                                       [&](const core::ParamSpec& s) { return s.key == key; });
        const QString where = QStringLiteral("%1: key '%2'").arg(gridPath, it.key());
        if (spec == entry.params.end()) {
            QStringList known;
            for (const core::ParamSpec& s : entry.params)
                known << q(s.key);
            errors << QStringLiteral("%1: '%2' has no such parameter (known: %3)")
                          .arg(where, q(entry.id),
                               known.isEmpty() ? QStringLiteral("none") : known.join(", "));
            continue;
        }
        if (!it.value().isArray() || it.value().toArray().isEmpty()) {
            errors << QStringLiteral("%1: expected a non-empty list of values").arg(where);
            continue;
        }
        std::vector<std::string>& values = plan.m_grid[key];
        const QJsonArray list = it.value().toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            core::Result<std::string> v = gridValue(*spec, list.at(i));
            if (!v) {
                errors
                    << QStringLiteral("%1, value %2: %3").arg(where).arg(i + 1).arg(q(v.error()));
            } else if (std::find(values.begin(), values.end(), v.value()) != values.end()) {
                errors << QStringLiteral("%1, value %2: %3 is listed twice (the same runs twice)")
                              .arg(where)
                              .arg(i + 1)
                              .arg(q(v.value()));
            } else {
                values.push_back(v.value());
            }
        }
    }
    if (!errors.isEmpty())
        return core::Error{errors.join(QLatin1Char('\n')).toStdString()};
    if (seeds < 1)
        return core::Error{"a sweep needs at least one seed"};
    for (int s = 0; s < seeds; ++s)
        plan.m_seeds.push_back(firstSeed + static_cast<std::uint64_t>(s));

    plan.buildJobs();
    plan.computeId();
    return plan;
}

void SweepPlan::buildJobs() {
    // The odometer: std::map iterates names alphabetically; the last name turns fastest.
    m_jobs.clear();
    std::size_t combinations = 1;
    for (const auto& [key, values] : m_grid)
        combinations *= values.size();
    for (std::size_t c = 0; c < combinations; ++c) {
        std::map<std::string, std::string> params;
        std::size_t rest = c;
        for (auto it = m_grid.rbegin(); it != m_grid.rend(); ++it) {
            params[it->first] = it->second[rest % it->second.size()];
            rest /= it->second.size();
        }
        for (std::uint64_t seed : m_seeds)
            m_jobs.push_back({static_cast<int>(m_jobs.size()), params, seed});
    }
}

void SweepPlan::computeId() {
    QJsonObject grid;
    for (const auto& [key, values] : m_grid) {
        QJsonArray list;
        for (const std::string& v : values)
            list.append(q(v));
        grid.insert(q(key), list);
    }
    QJsonArray seeds;
    for (std::uint64_t s : m_seeds)
        seeds.append(QString::number(s));
    const QJsonObject what{{QStringLiteral("scenario_hash"), m_scenario.hash()},
                           {QStringLiteral("recommender"), q(m_recommender)},
                           {QStringLiteral("grid"), grid},
                           {QStringLiteral("seeds"), seeds},
                           {QStringLiteral("events"), QString::number(m_limits.maxEvents)},
                           {QStringLiteral("days"), m_limits.maxDays}};
    m_id = QString::fromLatin1(
        QCryptographicHash::hash(QJsonDocument(what).toJson(QJsonDocument::Compact),
                                 QCryptographicHash::Sha256)
            .toHex()
            .left(12));
}

RunSpec SweepPlan::runSpec(int index) const {
    const SweepJob& job = m_jobs.at(static_cast<std::size_t>(index));
    RunSpec spec;
    spec.scenario = m_scenario;
    spec.seed = job.seed;
    spec.recommender = m_recommender;
    spec.params = job.params;
    spec.limits = m_limits;
    spec.label = label(m_id, index);
    return spec;
}

QString SweepPlan::label(const QString& sweepId, int index) {
    return QStringLiteral("sweep:%1 job:%2").arg(sweepId).arg(index);
}

bool SweepPlan::parseLabel(const QString& label, QString* sweepId, int* index) {
    static const QRegularExpression re(QStringLiteral("^sweep:([0-9a-f]{12}) job:(\\d+)$"));
    const QRegularExpressionMatch m = re.match(label);
    if (!m.hasMatch())
        return false;
    if (sweepId)
        *sweepId = m.captured(1);
    if (index)
        *index = m.captured(2).toInt();
    return true;
}

QString SweepPlan::jobDbName(int index) {
    return QStringLiteral("job-%1.db").arg(index);
}

QJsonObject SweepPlan::toJson(const QString& dir, const QString& cliPath) const {
    QJsonObject grid;
    for (const auto& [key, values] : m_grid) {
        QJsonArray list;
        for (const std::string& v : values)
            list.append(q(v));
        grid.insert(q(key), list);
    }
    QJsonArray seeds;
    for (std::uint64_t s : m_seeds)
        seeds.append(static_cast<double>(s));
    const QString cli = shellQuote(cliPath);
    const QString out = shellQuote(dir);
    QJsonArray jobs;
    for (const SweepJob& job : m_jobs) {
        QJsonObject params;
        QString flags;
        for (const auto& [key, value] : job.params) {
            params.insert(q(key), q(value));
            flags += QStringLiteral(" --param ") + shellQuote(q(key + "=" + value));
        }
        QString limits;
        if (m_limits.maxEvents)
            limits += QStringLiteral(" --events %1").arg(m_limits.maxEvents);
        if (m_limits.maxDays > 0.0)
            limits += QStringLiteral(" --days %1").arg(m_limits.maxDays);
        jobs.append(QJsonObject{
            {QStringLiteral("index"), job.index},
            {QStringLiteral("params"), params},
            {QStringLiteral("seed"), static_cast<double>(job.seed)},
            {QStringLiteral("db"), jobDbName(job.index)},
            {QStringLiteral("command"),
             QStringLiteral("%1 sweep --out %2 --job %3").arg(cli, out).arg(job.index)},
            // The same run by hand, for a reader who wants to see what a job does.
            {QStringLiteral("run_command"),
             QStringLiteral("%1 run --scenario %2 --recommender %3%4 --seed %5%6 --db %7 "
                            "--label %8")
                 .arg(cli, shellQuote(QDir(dir).filePath(QStringLiteral("scenario.json"))),
                      q(m_recommender), flags)
                 .arg(job.seed)
                 .arg(limits, shellQuote(QDir(dir).filePath(jobDbName(job.index))),
                      shellQuote(label(m_id, job.index)))}});
    }
    return QJsonObject{{QStringLiteral("format"), QStringLiteral("recoscope-sweep")},
                       {QStringLiteral("version"), 1},
                       {QStringLiteral("sweep_id"), m_id},
                       {QStringLiteral("scenario"), m_scenario.name},
                       {QStringLiteral("scenario_file"), QStringLiteral("scenario.json")},
                       {QStringLiteral("scenario_hash"), m_scenario.hash()},
                       {QStringLiteral("recommender"), q(m_recommender)},
                       {QStringLiteral("grid"), grid},
                       {QStringLiteral("seeds"), seeds},
                       {QStringLiteral("events"), static_cast<double>(m_limits.maxEvents)},
                       {QStringLiteral("days"), m_limits.maxDays},
                       {QStringLiteral("order"),
                        QStringLiteral("parameter names alphabetical, the last varying fastest; "
                                       "values in grid order; seeds innermost")},
                       {QStringLiteral("jobs"), jobs}};
}

core::Status SweepPlan::write(const QString& dirPath, const QString& cliPath) const {
    const QString dir = QFileInfo(dirPath).absoluteFilePath();
    if (!QDir().mkpath(dir))
        return core::Error{QStringLiteral("%1: cannot create the folder").arg(dir).toStdString()};
    const QString jobsPath = QDir(dir).filePath(QStringLiteral("jobs.json"));
    if (QFileInfo::exists(jobsPath)) {
        core::Result<SweepPlan> old = load(dir);
        if (!old || old.value().sweepId() != m_id)
            return core::Error{
                QStringLiteral("%1 already holds %2; choose another --out for a different sweep")
                    .arg(jobsPath, old ? QStringLiteral("sweep %1").arg(old.value().sweepId())
                                       : QStringLiteral("a sweep plan this one cannot read"))
                    .toStdString()};
    }
    const qsizetype n = static_cast<qsizetype>(m_jobs.size());
    const QString cli = shellQuote(cliPath);
    const QString out = shellQuote(dir);
    const QByteArray parallel =
        QStringLiteral(
            "#!/bin/sh\n"
            "# Sweep %1: %2 jobs with GNU parallel, as many at once as this machine has cores\n"
            "# (JOBS=N to choose). Extra arguments go to parallel, e.g. --sshlogin for other\n"
            "# machines that see this folder. A finished job is skipped, so running this again\n"
            "# only runs the jobs that are missing. Then: recoscope-cli merge %3/job-*.db --out "
            "all.db\n"
            "set -eu\n"
            "CLI=\"${RECOSCOPE_CLI:-%4}\"\n"
            "seq 0 %5 | parallel --will-cite --jobs \"${JOBS:-100%}\" --halt soon,fail=1 \\\n"
            "    --joblog %3/parallel.log \"$@\" \"$CLI\" sweep --out %3 --job {}\n")
            .arg(m_id)
            .arg(n)
            .arg(out, cli)
            .arg(n - 1)
            .toUtf8();
    const QByteArray slurm =
        QStringLiteral(
            "#!/bin/bash\n"
            "# Sweep %1: %2 jobs as a Slurm array, one task per job, no coordinator.\n"
            "# Submit with: sbatch %3/slurm-array.sh  (the folder must be on a disk every node\n"
            "# sees). Memory and time per job: docs/scaling.md. Then:\n"
            "# recoscope-cli merge %3/job-*.db --out all.db\n"
            "#SBATCH --job-name=recoscope-%1\n"
            "#SBATCH --array=0-%4\n"
            "#SBATCH --ntasks=1\n"
            "#SBATCH --cpus-per-task=1\n"
            "#SBATCH --mem=512M\n"
            "#SBATCH --output=%3/slurm-%A_%a.out\n"
            "set -eu\n"
            "CLI=\"${RECOSCOPE_CLI:-%5}\"\n"
            "exec \"$CLI\" sweep --out %3 --job \"$SLURM_ARRAY_TASK_ID\"\n")
            .arg(m_id)
            .arg(n)
            .arg(out)
            .arg(n - 1)
            .arg(cli)
            .toUtf8();
    if (core::Status st = writeText(QDir(dir).filePath(QStringLiteral("scenario.json")),
                                    m_scenario.canonicalJson(), false);
        !st)
        return st;
    if (core::Status st =
            writeText(QDir(dir).filePath(QStringLiteral("run-parallel.sh")), parallel, true);
        !st)
        return st;
    if (core::Status st =
            writeText(QDir(dir).filePath(QStringLiteral("slurm-array.sh")), slurm, true);
        !st)
        return st;
    // jobs.json last: a folder with a plan is a complete folder.
    return writeText(jobsPath, QJsonDocument(toJson(dir, cliPath)).toJson(QJsonDocument::Indented),
                     false);
}

core::Result<SweepPlan> SweepPlan::load(const QString& dirPath) {
    const QString dir = QFileInfo(dirPath).absoluteFilePath();
    const QString jobsPath = QDir(dir).filePath(QStringLiteral("jobs.json"));
    QFile f(jobsPath);
    if (!f.open(QIODevice::ReadOnly))
        return core::Error{QStringLiteral("%1: cannot read the sweep plan: %2")
                               .arg(jobsPath, f.errorString())
                               .toStdString()};
    JsonReader r(jobsPath, f.readAll());
    QJsonObject root;
    if (!r.parse(root))
        return core::Error{r.errors().join(QLatin1Char('\n')).toStdString()};
    SweepPlan plan;
    r.text(root, QStringLiteral("$"), QStringLiteral("format"), QString(),
           {QStringLiteral("recoscope-sweep")});
    r.integer(root, QStringLiteral("$"), QStringLiteral("version"), 1, 1, 1);
    const QString id = r.text(root, QStringLiteral("$"), QStringLiteral("sweep_id"), QString());
    const QString hash =
        r.text(root, QStringLiteral("$"), QStringLiteral("scenario_hash"), QString());
    plan.m_recommender =
        r.text(root, QStringLiteral("$"), QStringLiteral("recommender"), QString()).toStdString();
    plan.m_limits.maxEvents = static_cast<std::uint64_t>(
        r.integer(root, QStringLiteral("$"), QStringLiteral("events"), 0, 0, qint64(1) << 53));
    plan.m_limits.maxDays =
        r.real(root, QStringLiteral("$"), QStringLiteral("days"), 0.0, 0.0, 3650.0);
    const QJsonObject grid = r.object(root, QStringLiteral("$"), QStringLiteral("grid"));
    for (auto it = grid.begin(); it != grid.end(); ++it) {
        std::vector<std::string>& values = plan.m_grid[it.key().toStdString()];
        for (const QJsonValue& v : it.value().toArray())
            values.push_back(v.toString().toStdString());
        if (values.empty())
            r.fail(QStringLiteral("$.grid.") + it.key(),
                   QStringLiteral("expected a list of values"));
    }
    const QJsonArray seeds = r.array(root, QStringLiteral("$"), QStringLiteral("seeds"));
    for (const QJsonValue& v : seeds)
        plan.m_seeds.push_back(static_cast<std::uint64_t>(v.toDouble()));
    if (seeds.isEmpty())
        r.fail(QStringLiteral("$.seeds"), QStringLiteral("expected at least one seed"));
    if (!r.ok())
        return core::Error{r.errors().join(QLatin1Char('\n')).toStdString()};

    const QString scenarioPath = QDir(dir).filePath(QStringLiteral("scenario.json"));
    core::Result<Scenario> scenario = loadScenarioFile(scenarioPath);
    if (!scenario)
        return core::Error{scenario.error()};
    if (scenario.value().hash() != hash)
        return core::Error{QStringLiteral("%1: changed since sweep %2 was planned (its hash is "
                                          "%3, jobs.json says %4)")
                               .arg(scenarioPath, id, scenario.value().hash(), hash)
                               .toStdString()};
    plan.m_scenario = scenario.value();
    plan.buildJobs();
    plan.computeId();
    if (plan.m_id != id)
        return core::Error{QStringLiteral("%1: $.sweep_id: the plan was edited (its grid, seeds "
                                          "and limits give sweep %2, the file says %3)")
                               .arg(jobsPath, plan.m_id, id)
                               .toStdString()};
    return plan;
}

} // namespace recoscope::sim
