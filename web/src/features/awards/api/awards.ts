import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap, type BodyOf, type ResponseOf } from "../../../lib/api";

export const awardsKey = ["awards"] as const;
export type Nomination = ResponseOf<"/api/awards/nominations/{id}", "get">;
export type NominationSummary = ResponseOf<
  "/api/awards/nominations",
  "get"
>["items"][number];
export type NominationInput = BodyOf<"/api/awards/nominations", "post">;
export type AwardRecord = ResponseOf<
  "/api/awards/records",
  "get"
>["items"][number];
export type RecordInput = BodyOf<"/api/awards/records", "post">;
export type Action = BodyOf<
  "/api/awards/nominations/{id}/actions",
  "post"
>["action"];

export function useNominations(year?: number) {
  return useQuery({
    queryKey: [...awardsKey, "nominations", year ?? null],
    queryFn: () =>
      unwrap(
        api.GET("/api/awards/nominations", {
          params: { query: year ? { year } : {} },
        }),
      ),
  });
}
export function useNomination(id: number | null) {
  return useQuery({
    queryKey: [...awardsKey, "nomination", id],
    enabled: id !== null,
    queryFn: () =>
      unwrap(
        api.GET("/api/awards/nominations/{id}", {
          params: { path: { id: id! } },
        }),
      ),
  });
}
export function useCalls() {
  return useQuery({
    queryKey: [...awardsKey, "calls"],
    queryFn: () => unwrap(api.GET("/api/awards/calls")),
  });
}
export function useRecords(year?: number) {
  return useQuery({
    queryKey: [...awardsKey, "records", year ?? null],
    queryFn: () =>
      unwrap(
        api.GET("/api/awards/records", {
          params: { query: year ? { year } : {} },
        }),
      ),
  });
}
export function useSummary(year: number) {
  return useQuery({
    queryKey: [...awardsKey, "summary", year],
    queryFn: () =>
      unwrap(api.GET("/api/awards/summary", { params: { query: { year } } })),
  });
}
function useAwardsMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => qc.invalidateQueries({ queryKey: awardsKey }),
  });
}
export const useSaveNomination = () =>
  useAwardsMutation(
    (v: { id: number | null; body: NominationInput; version?: number }) =>
      v.id === null
        ? unwrap(api.POST("/api/awards/nominations", { body: v.body }))
        : unwrap(
            api.PUT("/api/awards/nominations/{id}", {
              params: { path: { id: v.id } },
              body: { ...v.body, version: v.version! },
            }),
          ),
  );
export const useAct = () =>
  useAwardsMutation(
    (v: { id: number; action: Action; comment?: string | null }) =>
      unwrap(
        api.POST("/api/awards/nominations/{id}/actions", {
          params: { path: { id: v.id } },
          body: { action: v.action, comment: v.comment ?? null },
        }),
      ),
  );
export const useSetGrade = () =>
  useAwardsMutation((v: { id: number; grade: "first" | "second" | "third" }) =>
    unwrap(
      api.POST("/api/awards/nominations/{id}/grade", {
        params: { path: { id: v.id } },
        body: { grade: v.grade },
      }),
    ),
  );
export const useDrawPanel = () =>
  useAwardsMutation((id: number) =>
    unwrap(
      api.POST("/api/cases/{id}/panel", { params: { path: { id } }, body: {} }),
    ),
  );
export const useCreateRecord = () =>
  useAwardsMutation((body: RecordInput) =>
    unwrap(api.POST("/api/awards/records", { body })),
  );
