package fr.tremplin.offers.service;

import fr.tremplin.offers.api.StatisticsRow;
import fr.tremplin.offers.repository.StatisticsQuery;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The figures of a national campaign take PostgreSQL from a few hundred milliseconds to over a second to aggregate
 * (400,000 candidacies: docs/BENCHMARKS.md), and a dashboard is many referents asking the same few questions. So
 * each question's answer is kept for {@code tremplin.statistics.max-age} (5 s by default; 0 turns the cache off):
 * <ul>
 *   <li>the first asker of a question waits for the query, and whoever asks the same question meanwhile waits for
 *       that same query, not another one;</li>
 *   <li>after max-age, the next asker gets the kept answer at once while one refresh runs in the background, so no
 *       one waits for an aggregate again; the figures a referent sees are at most max-age plus one query old.</li>
 * </ul>
 * A question is the whole {@link StatisticsQuery.Selection}, the caller's forced scope and today's date included, so
 * that no one ever sees an answer computed for another scope. At most {@code MAX_QUESTIONS} are kept.
 */
@ApplicationScoped
public class StatisticsCache {

    private static final Logger LOG = Logger.getLogger(StatisticsCache.class);
    private static final int MAX_QUESTIONS = 2_000;

    private record Answer(CompletableFuture<List<StatisticsRow>> rows, long computedAt, boolean refreshing) {
    }

    private final StatisticsQuery query;
    private final long maxAgeNanos;
    private final Map<StatisticsQuery.Selection, Answer> answers = new ConcurrentHashMap<>();
    private final ExecutorService refresher = Executors.newFixedThreadPool(2, Thread.ofPlatform()
            .name("statistics-refresh-", 0).daemon().factory());

    public StatisticsCache(StatisticsQuery query,
                           @ConfigProperty(name = "tremplin.statistics.max-age", defaultValue = "5s") Duration maxAge) {
        this.query = query;
        this.maxAgeNanos = maxAge.toNanos();
    }

    public List<StatisticsRow> rows(StatisticsQuery.Selection selection) {
        if (maxAgeNanos <= 0) {
            return query.rows(selection);
        }
        if (answers.size() >= MAX_QUESTIONS) {
            answers.clear(); // rare (thousands of distinct filters): start afresh rather than track recency
        }
        CompletableFuture<List<StatisticsRow>> mine = new CompletableFuture<>();
        Answer answer = answers.compute(selection, (key, kept) -> {
            if (kept == null || kept.rows().isCompletedExceptionally()) {
                return new Answer(mine, System.nanoTime(), false);
            }
            boolean stale = kept.rows().isDone() && System.nanoTime() - kept.computedAt() > maxAgeNanos;
            if (stale && !kept.refreshing()) {
                refresh(key);
                return new Answer(kept.rows(), kept.computedAt(), true);
            }
            return kept;
        });
        if (answer.rows() == mine) {
            // the query runs outside the map's lock; whoever asks the same question meanwhile waits on `mine`
            try {
                mine.complete(query.rows(selection));
            } catch (RuntimeException e) {
                mine.completeExceptionally(e);
                answers.remove(selection, answer);
                throw e;
            }
        }
        try {
            return answer.rows().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    private void refresh(StatisticsQuery.Selection selection) {
        refresher.execute(() -> {
            try {
                List<StatisticsRow> fresh = query.rows(selection);
                answers.put(selection, new Answer(CompletableFuture.completedFuture(fresh), System.nanoTime(), false));
            } catch (RuntimeException e) {
                LOG.warnf("statistics refresh failed, the kept answer stays: %s", e.getMessage());
                answers.computeIfPresent(selection, (key, kept) -> new Answer(kept.rows(), kept.computedAt(), false));
            }
        });
    }

    @PreDestroy
    void stop() {
        refresher.shutdownNow();
    }
}
