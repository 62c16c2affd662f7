// The template editor's endpoints: one template, its save / delete, the live preview of unsaved text, and the
// suggestions that turn a past report into a template.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateTemplateBody, UpdateTemplateBody } from '../../../../core/contracts/reports-requests';
import type { Candidate } from '../../../../core/report-suggest';
import { api } from '../../../lib/api-client';
import { reportKeys, type RenderBody, type RenderedReport, type TemplateDetail } from './types';

export type { Candidate, Suggestion } from '../../../../core/report-suggest';

export interface Suggestions {
  text: string;
  candidates: Candidate[];
}

const templateKey = (key: string) => ['reports', 'template', key] as const;

export function useReportTemplate(key: string | undefined) {
  return useQuery({
    queryKey: templateKey(key ?? ''),
    queryFn: () => api.get<TemplateDetail>(`/api/reports/templates/${encodeURIComponent(key!)}`),
    enabled: !!key,
    // the editor keeps its own copy of the text: a refetch must not overwrite what is being typed
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

export function useCreateTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTemplateBody) => api.post<TemplateDetail>('/api/reports/templates', body),
    onSuccess: (saved) => {
      client.setQueryData(templateKey(saved.key), saved);
      return client.invalidateQueries({ queryKey: reportKeys.templates });
    },
  });
}

export function useUpdateTemplate(key: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateTemplateBody) => api.put<TemplateDetail>(`/api/reports/templates/${encodeURIComponent(key)}`, body),
    onSuccess: (saved) => {
      client.setQueryData(templateKey(key), saved);
      return client.invalidateQueries({ queryKey: reportKeys.templates });
    },
  });
}

export function useDeleteTemplate(key: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete(`/api/reports/templates/${encodeURIComponent(key)}`),
    onSuccess: () => {
      client.removeQueries({ queryKey: templateKey(key) });
      return client.invalidateQueries({ queryKey: reportKeys.templates });
    },
  });
}

/** Fetches the template text again from the server (after a 409: someone else saved first). */
export function useReloadTemplate() {
  const client = useQueryClient();
  return (key: string) =>
    client.fetchQuery({ queryKey: templateKey(key), queryFn: () => api.get<TemplateDetail>(`/api/reports/templates/${key}`), staleTime: 0 });
}

export type PreviewRequest = Omit<RenderBody, 'format' | 'template'> & { body: string };

/** The unsaved text rendered for a period, date and unit; unknown names come back as warnings, not a 400. */
export function useTemplatePreview(request: PreviewRequest | undefined) {
  return useQuery({
    queryKey: ['reports', 'preview', request ?? {}],
    queryFn: () => api.post<RenderedReport>('/api/reports/preview', { ...request!, format: 'json' } satisfies RenderBody),
    enabled: !!request,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 30_000,
  });
}

export function useSuggestFromText() {
  return useMutation({ mutationFn: (text: string) => api.post<Suggestions>('/api/reports/suggestions', { text }) });
}

export function useSuggestFromFile() {
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api.upload<Suggestions>('/api/reports/suggestions/upload', form);
    },
  });
}
