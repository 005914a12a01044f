import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { api, unwrap, type BodyOf, type ResponseOf } from "../../../lib/api";

export const allocationsKey = ["allocations"] as const;
export type PlanDetail = ResponseOf<"/api/allocations/plans/{id}", "get">;
export type PlanSummary = ResponseOf<
  "/api/allocations/plans",
  "get"
>["items"][number];
export type PlanInput = BodyOf<"/api/allocations/plans", "post">;
export type PreviewInput = BodyOf<
  "/api/allocations/factor-method/preview",
  "post"
>;
export type Preview = ResponseOf<
  "/api/allocations/factor-method/preview",
  "post"
>;

export function usePlans(year: number | undefined) {
  return useQuery({
    queryKey: [...allocationsKey, "plans", year ?? null],
    queryFn: () =>
      unwrap(
        api.GET("/api/allocations/plans", {
          params: { query: year ? { year } : {} },
        }),
      ),
  });
}
export function usePlan(id: number | null) {
  return useQuery({
    queryKey: [...allocationsKey, "plan", id],
    enabled: id !== null,
    queryFn: () =>
      unwrap(
        api.GET("/api/allocations/plans/{id}", {
          params: { path: { id: id! } },
        }),
      ),
  });
}
export function useBalances(year: number) {
  return useQuery({
    queryKey: [...allocationsKey, "balances", year],
    queryFn: () =>
      unwrap(
        api.GET("/api/allocations/balances", { params: { query: { year } } }),
      ),
  });
}
/** The live computation while the officer types (RULES §6, by the server: the same arithmetic that books). */
export function usePreview(input: PreviewInput | null) {
  return useQuery({
    queryKey: [...allocationsKey, "preview", input],
    enabled: input !== null,
    retry: false,
    placeholderData: keepPreviousData,
    queryFn: () =>
      unwrap(
        api.POST("/api/allocations/factor-method/preview", { body: input! }),
      ),
  });
}
export function useSavePlan() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: {
      id: number | null;
      body: PlanInput;
      version?: number;
    }) =>
      v.id === null
        ? unwrap(api.POST("/api/allocations/plans", { body: v.body }))
        : unwrap(
            api.PUT("/api/allocations/plans/{id}", {
              params: { path: { id: v.id } },
              body: { ...v.body, version: v.version! },
            }),
          ),
    onSuccess: () => qc.invalidateQueries({ queryKey: allocationsKey }),
  });
}
export function useApprovePlan() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: number; version: number }) =>
      unwrap(
        api.POST("/api/allocations/plans/{id}/approve", {
          params: { path: { id: v.id } },
          body: { version: v.version },
        }),
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: allocationsKey }),
  });
}
